using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Builds each measure: title, body, responsible agencies, and whether it cascades to cities and counties.</summary>
/// <remarks>
/// The agency lists are found by <see cref="ListFinder"/>. An item with several lists holds several agency-tagged tasks:
/// each list closes its task, and each becomes its own measure (（十）1, （十）2). In the last measure only the lists up
/// to the line of its first list count: what follows is the document's closing text. A bracket that never closes before
/// the last list is a cut and throws; text after a middle measure's last list is kept in its body with a warning.
/// Without any list in the document (numbering alone), the last measure is checked for truncation as before, and the
/// section headings and the items of the sections that frame the measures are reported as non-measures
/// (<see cref="LegacyNonMeasures"/>).
/// </remarks>
internal static class MeasureReader
{
    public static MeasureSet Read(
        IReadOnlyList<string> lines, DocumentLayout layout, AgencyCatalog catalog, bool localFromIntro, List<string> warnings)
    {
        var measures = new List<MeasurePreview>();
        var nonMeasures = new List<NonMeasurePreview>();
        var framing = layout.ByLists ? new HashSet<int>() : LegacyNonMeasures.Framing(layout);
        // Where numbering restarts in each section, "1." alone would not say which measure a warning is about.
        var restarts = layout.Measures.Select(m => m.NumberText).Distinct(StringComparer.Ordinal).Count() < layout.Measures.Count;
        var localOnward = localFromIntro;
        var openOnward = false;
        var earlierList = false;
        var tail = "";
        var lastBody = "";
        for (var k = 0; k < layout.Measures.Count; k++)
        {
            var heading = layout.Measures[k];
            var isLast = k == layout.Measures.Count - 1;
            var end = layout.EndOf(k, lines.Count);
            var text = MeasureTitleReader.Read(lines, heading, end);
            var section = heading.SectionIndex is { } s ? layout.Sections[s] : null;
            var label = restarts && section is not null ? section.NumberText + heading.NumberText : heading.NumberText;
            var (lists, segments, after) = Locate(text, label, isLast, catalog);
            if (lists.Count == 0 && TitleList(text.Title, catalog) is { } titled)
            {
                // 加强组织领导（省经信厅负责）: the list closes the heading line itself.
                text = text with { Title = text.Title[..titled.Start].TrimEnd() };
                lists = [titled];
            }
            if (isLast)
            {
                var signature = "";
                if (lists.Count == 0)
                {
                    (segments[0], signature) = SplitClosingLines(segments[0], catalog);
                    LegacyChecks.LastMeasure(heading, label, segments[0], earlierList);
                }
                tail = string.Join('\n', new[] { after, signature }.Concat(lines.Skip(end)));
            }
            else if (after.Trim().Trim('。').Length > 0)
            {
                segments[^1] += "\n" + after;
                warnings.Add($"{label}：责任单位括号之后还有文字，已并入正文，请核对。({label}: text follows the agency list; it was kept in the body. Please check.)");
            }
            earlierList |= lists.Count > 0;
            if (heading.SectionIndex is { } index && framing.Contains(index))
            {
                nonMeasures.Add(LegacyNonMeasures.Item(lines, heading, label, text.Title, layout.Sections[index]));
                continue;
            }
            for (var j = 0; j < segments.Count; j++)
            {
                var list = j < lists.Count ? lists[j].List : null;
                var subLabel = lists.Count > 1 ? label + (j + 1).ToString(System.Globalization.CultureInfo.InvariantCulture) : label;
                localOnward |= list?.LocalOnward ?? false;
                openOnward |= list?.OpenOnward ?? false;
                MeasureWarnings.Add(subLabel, text, first: j == 0, list, segments[j], warnings);
                var paragraphs = Paragraphs.Join(segments[j]);
                measures.Add(new MeasurePreview(
                    Number: measures.Count + 1,
                    NumberText: heading.NumberText,
                    SectionNumber: section?.Number,
                    SectionTitle: section?.Title,
                    Title: text.Title,
                    Body: paragraphs,
                    Lead: list?.Lead,
                    CoAgencies: list?.CoAgencies ?? [],
                    SpecialParties: list?.SpecialParties ?? [],
                    LocalImplementation: localOnward || (list?.LocalHere ?? false),
                    AgencyListText: j < lists.Count ? lists[j].Text : null,
                    Label: subLabel,
                    Leads: list?.Leads ?? [],
                    OpenEnded: openOnward || (list?.OpenEnded ?? false),
                    LocalGovernments: list?.LocalGovernments ?? [],
                    Roles: list?.Roles ?? [],
                    Line: heading.Line + 1));
                lastBody = paragraphs;
            }
        }
        if (!layout.ByLists)
        {
            nonMeasures = [.. nonMeasures.Concat(LegacyNonMeasures.Headings(layout, framing, measures, warnings)).OrderBy(n => n.Line)];
        }
        return new MeasureSet(measures, nonMeasures, tail, lastBody);
    }

    // The text before each list is its task; what follows the last list is returned apart.
    private static (IReadOnlyList<ListSpan> Lists, List<string> Segments, string After) Locate(
        MeasureText text, string label, bool isLast, AgencyCatalog catalog)
    {
        var content = text.Content;
        var (found, unclosedAt) = ListFinder.Find(content, catalog);
        var lists = found.ToList();
        if (isLast && lists.Count > 1)
        {
            lists = ListsOfTheLastItem(content, lists);
        }
        var listEnd = lists.Count == 0 ? content.Length : lists[^1].End;
        if (unclosedAt >= 0 && unclosedAt < listEnd)
        {
            throw TruncationErrors.Unclosed(label, text.FirstLine + LineOf(content, unclosedAt), content[unclosedAt..]);
        }
        if (lists.Count == 0)
        {
            return (lists, [content], "");
        }
        var segments = new List<string>();
        var from = 0;
        foreach (var list in lists)
        {
            segments.Add(content[from..list.Start]);
            from = SkipStop(content, list.End + 1);
        }
        return (lists, segments, content[from..]);
    }

    // The lists on the first list's line, and on each following paragraph that also ends in a list (several tasks of the last
    // item, one per paragraph); the first paragraph without one starts the document's closing text. One pass over the lists,
    // not a line count per list (a 10 MB tail has many).
    private static List<ListSpan> ListsOfTheLastItem(string content, List<ListSpan> lists)
    {
        var lineEnd = content.IndexOf('\n', lists[0].End);
        var k = 0;
        while (k < lists.Count && (lineEnd < 0 || lists[k].Start < lineEnd))
        {
            k++;
        }
        while (k < lists.Count && lineEnd >= 0)
        {
            var next = lineEnd + 1;
            var nextEnd = content.IndexOf('\n', next);
            var end = nextEnd < 0 ? content.Length : nextEnd;
            if (content.AsSpan(next, end - next).Trim().IsEmpty)
            {
                lineEnd = nextEnd;
                continue;
            }
            var first = k;
            while (k < lists.Count && lists[k].Start < end)
            {
                k++;
                if (lists[k - 1].End >= end)
                {
                    // The list runs past the line break: its paragraph ends on the line the list closes.
                    nextEnd = content.IndexOf('\n', lists[k - 1].End);
                    end = nextEnd < 0 ? content.Length : nextEnd;
                }
            }
            if (k == first || content.AsSpan(lists[k - 1].End + 1, end - lists[k - 1].End - 1).Trim().Trim('。').Length > 0)
            {
                k = first;
                break;
            }
            lineEnd = nextEnd;
        }
        return lists.Count == k ? lists : [.. lists.Take(k)];
    }

    private static ListSpan? TitleList(string title, AgencyCatalog catalog)
    {
        var (lists, _) = ListFinder.Find(title, catalog);
        return lists.Count > 0 && lists[^1].End == title.Length - 1 && lists[^1].Start > 0 ? lists[^1] : null;
    }

    private static int SkipStop(string content, int i)
    {
        while (i < content.Length && content[i] == ' ')
        {
            i++;
        }
        return i < content.Length && content[i] == '。' ? i + 1 : i;
    }

    private static int LineOf(string content, int index) => content.AsSpan(0, index).Count('\n');

    // With no agency list to end the last measure, a trailing signature, date, publication note or 抄送 line is not measure text.
    private static (string Body, string Closing) SplitClosingLines(string body, AgencyCatalog catalog)
    {
        var lines = body.Split('\n').ToList();
        var cut = lines.Count;
        while (cut > 0)
        {
            var line = lines[cut - 1];
            if (line.Length == 0 || ChineseNumbers.TryParseDateLine(line, out _, out _) || PolicyText.IsPublicationNote(line)
                || line.StartsWith("抄送", StringComparison.Ordinal) || IssuerNames.IsAgencyLine(line, catalog))
            {
                cut--;
                continue;
            }
            break;
        }
        return (string.Join('\n', lines.Take(cut)), string.Join('\n', lines.Skip(cut)));
    }
}
