using System.Globalization;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies.Corrections;

/// <summary>
/// Applies the policy office's corrections to a preview, in order. Every correction is checked before it is applied; the
/// first that cannot be applied throws <see cref="PolicyCorrectionException"/> and the preview is left as it was.
/// </summary>
public static class PreviewCorrections
{
    /// <summary>More corrections than this in one import is not a review but a rewrite.</summary>
    public const int MaxCorrections = 500;

    public const int MaxTitle = 500;
    public const int MaxName = 100;
    public const int MaxCoAgencies = 50;
    public const int MaxReason = 500;

    public static CorrectedPreview Apply(PolicyPreview preview, string text, IReadOnlyList<PolicyCorrection>? corrections, AgencyCatalog catalog)
    {
        ArgumentNullException.ThrowIfNull(preview);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(catalog);
        if (corrections is null || corrections.Count == 0)
        {
            return new CorrectedPreview(preview, []);
        }
        if (corrections.Count > MaxCorrections)
        {
            throw new PolicyCorrectionException(MaxCorrections + 1,
                $"一次最多 {MaxCorrections} 条更正。 At most {MaxCorrections} corrections at a time.");
        }
        var state = new CorrectionState(preview, PolicyText.Lines(PolicyText.Canonicalize(text)), catalog);
        var changes = new List<CorrectionChange>();
        for (var i = 0; i < corrections.Count; i++)
        {
            var correction = corrections[i] ?? throw new PolicyCorrectionException(i + 1, "更正为空。 The correction is empty.");
            try
            {
                changes.Add(state.Apply(correction));
            }
            catch (CorrectionRefusal refusal)
            {
                throw new PolicyCorrectionException(i + 1, refusal.Message);
            }
        }
        return new CorrectedPreview(state.ToPreview(), changes);
    }

    internal static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);
}

/// <summary>Why one correction is refused, without its position (added by <see cref="PreviewCorrections"/>).</summary>
internal sealed class CorrectionRefusal(string message) : Exception(message);
