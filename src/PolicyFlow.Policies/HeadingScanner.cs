using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Finds the measure and section headings of a document.</summary>
/// <remarks>Measures are （一） headings if the document has any; otherwise 1. / 1、 headings; otherwise 一、
/// headings (then without sections). A heading only counts when its number follows the previous one (or restarts
/// at 1 after a new section), so a line that merely starts with a number after a PDF line break stays body text.</remarks>
internal static partial class HeadingScanner
{
    private const int MaxSectionTitleLength = 40;

    public static DocumentLayout? Scan(IReadOnlyList<string> lines) =>
        TryScan(lines, PatternTimeout.Use(ParenMeasure()), withSections: true)
        ?? TryScan(lines, PatternTimeout.Use(ArabicMeasure()), withSections: true)
        ?? TryScan(lines, PatternTimeout.Use(SectionLine()), withSections: false);

    private static DocumentLayout? TryScan(IReadOnlyList<string> lines, Regex measurePattern, bool withSections)
    {
        var measures = new List<MeasureHeading>();
        var sections = new List<SectionHeading>();
        var expected = 1;
        var sectionSinceMeasure = false;
        for (var i = 0; i < lines.Count; i++)
        {
            var expectedSection = sections.Count == 0 ? 1 : sections[^1].Number + 1;
            if (withSections && measures.Count > 0 && TrySection(lines[i], i, out var section) && section.Number == expectedSection)
            {
                sections.Add(section);
                sectionSinceMeasure = true;
                continue;
            }
            var match = measurePattern.Match(lines[i]);
            if (!match.Success || ChineseNumbers.Parse(match.Groups["n"].Value) is not { } number)
            {
                continue;
            }
            if (number != expected && !(number == 1 && sectionSinceMeasure))
            {
                continue;
            }
            if (measures.Count == 0 && withSections && TrySectionBefore(lines, i, out var first))
            {
                sections.Add(first);
            }
            measures.Add(new MeasureHeading(i, number, NumberText(match, number), match.Groups["rest"].Value.Trim(),
                sections.Count > 0 ? sections.Count - 1 : null));
            expected = number + 1;
            sectionSinceMeasure = false;
        }
        if (measures.Count == 0)
        {
            return null;
        }
        var bodyStart = sections.Count > 0 ? Math.Min(sections[0].Line, measures[0].Line) : measures[0].Line;
        return new DocumentLayout(bodyStart, measures, sections);
    }

    // The first section heading stands just above the first measure (only blank lines between).
    private static bool TrySectionBefore(IReadOnlyList<string> lines, int measureLine, out SectionHeading section)
    {
        section = null!;
        var j = measureLine - 1;
        while (j >= 0 && lines[j].Length == 0)
        {
            j--;
        }
        return j >= 0 && TrySection(lines[j], j, out section);
    }

    private static bool TrySection(string line, int index, out SectionHeading section)
    {
        section = null!;
        var match = PatternTimeout.Use(SectionLine()).Match(line);
        if (!match.Success || ChineseNumbers.Parse(match.Groups["n"].Value) is not { } number)
        {
            return false;
        }
        var title = match.Groups["rest"].Value.Trim().TrimEnd('。');
        // A real section title is a short phrase; 二、三等… at the start of a wrapped body line is not.
        if (title.Length == 0 || title.Length > MaxSectionTitleLength || title.IndexOfAny(['，', '。', '；']) >= 0)
        {
            return false;
        }
        section = new SectionHeading(index, number, match.Groups["n"].Value + "、", title);
        return true;
    }

    private static string NumberText(Match match, int number) => match.Groups["sep"].Success
        ? number.ToString(System.Globalization.CultureInfo.InvariantCulture) + match.Groups["sep"].Value
        : match.Groups["open"].Success ? "（" + match.Groups["n"].Value + "）" : match.Groups["n"].Value + "、";

    [GeneratedRegex("^(?<open>（)(?<n>[一二三四五六七八九十]{1,3})）(?<rest>.*)$", RegexOptions.None, 1000)]
    private static partial Regex ParenMeasure();

    [GeneratedRegex("^(?<n>[0-9]{1,3})(?<sep>[.、])(?![0-9])(?<rest>.*)$", RegexOptions.None, 1000)]
    private static partial Regex ArabicMeasure();

    [GeneratedRegex("^(?<n>[一二三四五六七八九十]{1,3})、(?<rest>.*)$", RegexOptions.None, 1000)]
    private static partial Regex SectionLine();
}
