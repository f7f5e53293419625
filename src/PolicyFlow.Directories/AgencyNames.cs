using System.Text;

namespace PolicyFlow.Directories;

/// <summary>The form names are compared in: documents differ in spacing and full/half-width characters.</summary>
internal static class AgencyNames
{
    public static string Normalize(string name)
    {
        // NFKC folds full-width letters, digits and brackets onto their ASCII forms and U+3000 onto a space.
        var folded = name.Normalize(NormalizationForm.FormKC);
        var builder = new StringBuilder(folded.Length);
        foreach (var c in folded)
        {
            if (!char.IsWhiteSpace(c) && c != '\u200B' && c != '\uFEFF')
            {
                builder.Append(c);
            }
        }
        return builder.ToString();
    }
}
