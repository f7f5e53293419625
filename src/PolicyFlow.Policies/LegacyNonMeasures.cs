using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>The non-measures of a document read by numbering alone (no agency list anywhere): its section headings, and
/// the items of the sections that frame the measures rather than hold them — 总体要求 / 指导思想 / 基本原则 … at the start,
/// 保障措施 / 组织实施 / 工作要求 … at the end.</summary>
/// <remarks>Only the leading run and the last section can frame, and only while measures remain between them: a task
/// section in the middle (强化要素保障) stays a task section whatever its title says.</remarks>
internal static partial class LegacyNonMeasures
{
    private const int MatchTimeoutMs = 1000;

    /// <summary>The indexes of the framing sections.</summary>
    public static IReadOnlySet<int> Framing(DocumentLayout layout)
    {
        var framing = new HashSet<int>();
        var sections = layout.Sections;
        for (var s = 0; s < sections.Count && PatternTimeout.Use(Opening()).IsMatch(sections[s].Title); s++)
        {
            framing.Add(s);
        }
        if (sections.Count > 1 && PatternTimeout.Use(Closing()).IsMatch(sections[^1].Title))
        {
            framing.Add(sections.Count - 1);
        }
        var measuresLeft = layout.Measures.Any(m => m.SectionIndex is not { } s || !framing.Contains(s));
        return measuresLeft ? framing : new HashSet<int>();
    }

    /// <summary>A framing item: its own reason (指导思想, 基本原则 …), else its section's (保障措施 for 加强人员培训).</summary>
    public static NonMeasurePreview Item(IReadOnlyList<string> lines, MeasureHeading heading, string label, string title, SectionHeading section)
    {
        var (own, doubtful) = NonMeasureReasons.NoList(title);
        var reason = doubtful ? NonMeasureReasons.NoList(section.Title).Reason : own;
        var rest = heading.Rest.Length > 0 ? heading.Rest : lines.Skip(heading.Line + 1).FirstOrDefault(l => l.Length > 0) ?? "";
        var stop = rest.IndexOfAny(['。', '：']);
        return new NonMeasurePreview(label, PolicyText.TidySpaces(stop >= 0 ? rest[..stop] : rest), reason, heading.Line + 1);
    }

    /// <summary>The section headings: over their measures, framing, or holding text but no numbered item (then doubtful).</summary>
    public static IEnumerable<NonMeasurePreview> Headings(
        DocumentLayout layout, IReadOnlySet<int> framing, IReadOnlyList<MeasurePreview> measures, List<string> warnings)
    {
        for (var s = 0; s < layout.Sections.Count; s++)
        {
            var section = layout.Sections[s];
            var under = measures.Where(m => m.SectionNumber == section.Number).Select(m => m.Label).ToList();
            string reason;
            if (under.Count > 0)
            {
                reason = NonMeasureReasons.Heading(under[0], under[^1]);
            }
            else
            {
                var (noList, doubtful) = NonMeasureReasons.NoList(section.Title);
                reason = noList;
                if (doubtful && !framing.Contains(s))
                {
                    warnings.Add(NonMeasureReasons.UncheckedItem(section.NumberText, section.Line));
                }
            }
            yield return new NonMeasurePreview(section.NumberText, section.Title, reason, section.Line + 1);
        }
    }

    [GeneratedRegex("总体要求|基本要求|指导思想|总体思路|基本原则|目标", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Opening();

    [GeneratedRegex("保障措施|组织保障|实施保障|组织实施|组织领导|工作要求", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Closing();
}
