using System.Text;
using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Rebuilds paragraphs from extracted lines: a break is kept only where a sentence ends.</summary>
/// <remarks>PDF extraction breaks lines at the page width and sometimes adds blank lines mid-sentence
/// (工信领域数 / 字卓越工程师), so blank lines alone cannot mark paragraphs; punctuation can.</remarks>
internal static partial class Paragraphs
{
    public static string Join(string text)
    {
        var paragraphs = new List<string>();
        var current = new StringBuilder();
        foreach (var raw in text.Split('\n'))
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }
            if (current.Length > 0
                && (PolicyText.EndsSentence(current[^1], current.Length > 1 ? current[^2] : ' ') || PatternTimeout.Use(ListItem()).IsMatch(line)))
            {
                paragraphs.Add(PolicyText.TidySpaces(current.ToString()));
                current.Clear();
            }
            PolicyText.AppendWrapped(current, line);
        }
        if (current.Length > 0)
        {
            paragraphs.Add(PolicyText.TidySpaces(current.ToString()));
        }
        return string.Join("\n", paragraphs);
    }

    // A numbered sub-item starts its own paragraph even when the previous line has no full stop.
    [GeneratedRegex("^(（[0-9一二三四五六七八九十]{1,3}）|[0-9]{1,3}[.、](?![0-9]))", RegexOptions.None, 1000)]
    private static partial Regex ListItem();
}
