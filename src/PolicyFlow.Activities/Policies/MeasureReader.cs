using System.Globalization;
using PolicyFlow.Activities.Directories;

namespace PolicyFlow.Activities.Policies;

/// <summary>Builds each measure: title, body, responsible agencies, and whether it cascades to cities and counties.</summary>
/// <remarks>
/// The agency list is a top-level （…） group that ends a line (an optional 。 may follow) and reads as an agency list.
/// A middle measure takes the last such group; the last measure takes the first, and what follows it is the document's
/// closing text. Truncation, which throws, is: a bracket that never closes within a measure; or a last measure that
/// has no agency list when earlier measures have one, that stops without sentence-ending punctuation, or that has no
/// text at all. A middle measure without a list is only a warning: the document goes on, so nothing was cut off.
/// </remarks>
internal static class MeasureReader
{
    public static MeasureSet Read(
        IReadOnlyList<string> lines, DocumentLayout layout, AgencyCatalog catalog, bool localFromIntro, List<string> warnings)
    {
        var measures = new List<MeasurePreview>();
        // Where numbering restarts in each section, "1." alone would not say which measure a warning is about.
        var restarts = layout.Measures.Select(m => m.NumberText).Distinct(StringComparer.Ordinal).Count() < layout.Measures.Count;
        var localOnward = localFromIntro;
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
            var (list, listText, body, after) = Locate(text, label, isLast, catalog);
            if (isLast)
            {
                (body, var signature) = list is null ? SplitClosingLines(body, catalog) : (body, "");
                CheckLastMeasure(heading, label, list, body, earlierList);
                tail = string.Join('\n', new[] { after, signature }.Concat(lines.Skip(end)));
            }
            else if (after.Trim().Trim('。').Length > 0)
            {
                body += "\n" + after;
                warnings.Add($"{label}：责任单位括号之后还有文字，已并入正文，请核对。({label}: text follows the agency list; it was kept in the body. Please check.)");
            }
            earlierList |= list is not null;
            localOnward |= list?.LocalOnward ?? false;
            Warn(label, text, list, body, warnings);
            var paragraphs = Paragraphs.Join(body);
            measures.Add(new MeasurePreview(
                Number: k + 1,
                NumberText: heading.NumberText,
                SectionNumber: section?.Number,
                SectionTitle: section?.Title,
                Title: text.Title,
                Body: paragraphs,
                Lead: list?.Lead,
                CoAgencies: list?.CoAgencies ?? [],
                SpecialParties: list?.SpecialParties ?? [],
                LocalImplementation: localOnward || (list?.LocalHere ?? false),
                AgencyListText: listText));
            lastBody = paragraphs;
        }
        return new MeasureSet(measures, tail, lastBody);
    }

    private static (AgencyList? List, string? ListText, string Body, string After) Locate(
        MeasureText text, string label, bool isLast, AgencyCatalog catalog)
    {
        var content = text.Content;
        var (groups, unclosedAt) = BracketScanner.Scan(content);
        var candidates = groups
            .Where(g => content[g.Start] == '（' && EndsLine(content, g.End))
            .Select(g => (Group: g, List: AgencyListReader.TryRead(content[(g.Start + 1)..g.End], catalog)))
            .Where(c => c.List is not null);
        var found = isLast ? candidates.FirstOrDefault() : candidates.LastOrDefault();
        var listEnd = found.List is null ? content.Length : found.Group.End;
        if (unclosedAt >= 0 && unclosedAt < listEnd)
        {
            throw Unclosed(text, label, content, unclosedAt);
        }
        if (found.List is null)
        {
            return (null, null, content, "");
        }
        var after = content[(found.Group.End + 1)..].TrimStart(' ');
        after = after.StartsWith('。') ? after[1..] : after;
        var listText = PolicyText.TidySpaces(content[(found.Group.Start + 1)..found.Group.End].Replace('\n', ' '));
        return (found.List, listText, content[..found.Group.Start], after);
    }

    private static bool EndsLine(string content, int closer)
    {
        var i = closer + 1;
        while (i < content.Length && content[i] == ' ')
        {
            i++;
        }
        if (i < content.Length && content[i] == '。')
        {
            i++;
        }
        return i == content.Length || content[i] == '\n';
    }

    // With no agency list to end the last measure, a trailing signature, date or 抄送 line is not measure text.
    private static (string Body, string Closing) SplitClosingLines(string body, AgencyCatalog catalog)
    {
        var lines = body.Split('\n').ToList();
        var cut = lines.Count;
        while (cut > 0)
        {
            var line = lines[cut - 1];
            if (line.Length == 0 || ChineseNumbers.TryParseDateLine(line, out _, out _)
                || line.StartsWith("抄送", StringComparison.Ordinal) || IssuerNames.IsAgencyLine(line, catalog))
            {
                cut--;
                continue;
            }
            break;
        }
        return (string.Join('\n', lines.Take(cut)), string.Join('\n', lines.Skip(cut)));
    }

    private static void CheckLastMeasure(MeasureHeading heading, string label, AgencyList? list, string body, bool earlierList)
    {
        if (list is not null)
        {
            return;
        }
        var line = (heading.Line + 1).ToString(CultureInfo.InvariantCulture);
        var trimmed = body.Trim();
        if (trimmed.Length == 0)
        {
            throw new PolicyFormatException(PolicyFormatError.Truncated,
                $"最后一条措施{label}（第 {line} 行）只有标题、没有正文，文本似乎被截断。"
                + $"(The last measure {label} at line {line} has a heading but no text; the document appears truncated.)");
        }
        if (earlierList)
        {
            throw new PolicyFormatException(PolicyFormatError.Truncated,
                $"最后一条措施{label}（第 {line} 行）没有以责任单位括号结尾，而前面的措施都有，文本似乎在此被截断；请上传完整文本或补全责任单位。"
                + $"(The last measure {label} at line {line} does not end with its responsible-agency list although earlier measures do; "
                + "the document appears truncated. Upload the complete text or add the list.)");
        }
        if (!PolicyText.EndsSentence(trimmed))
        {
            var end = (trimmed.Length > 20 ? trimmed[^20..] : trimmed).Replace('\n', ' ');
            throw new PolicyFormatException(PolicyFormatError.Truncated,
                $"最后一条措施{label}（第 {line} 行）在句子中间结束（“…{end}”），文本似乎被截断。"
                + $"(The last measure {label} at line {line} stops mid-sentence ('…{end}'); the document appears truncated.)");
        }
    }

    private static PolicyFormatException Unclosed(MeasureText text, string label, string content, int at)
    {
        var line = (text.FirstLine + 1 + content[..at].Count(c => c == '\n')).ToString(CultureInfo.InvariantCulture);
        var excerpt = content[at..].Replace('\n', ' ');
        excerpt = excerpt.Length > 24 ? excerpt[..24] + "…" : excerpt;
        return new PolicyFormatException(PolicyFormatError.Truncated,
            $"措施{label}第 {line} 行的括号“{excerpt}”没有闭合，文本似乎被截断或括号缺失。"
            + $"(In measure {label}, the bracket opened at line {line} ('{excerpt}') never closes; the text appears truncated or a bracket is missing.)");
    }

    private static void Warn(string label, MeasureText text, AgencyList? list, string body, List<string> warnings)
    {
        if (text.TitleJoined)
        {
            warnings.Add($"{label}：标题跨行，已合并为“{text.Title}”，请核对。({label}: the title was split across lines and has been joined; please check it.)");
        }
        if (text.Title.Length == 0)
        {
            warnings.Add($"{label}：没有识别出标题，请填写。({label}: no title recognised; please enter one.)");
        }
        if (body.Trim().Length == 0)
        {
            warnings.Add($"{label}：没有正文。({label}: the measure has no body text.)");
        }
        if (list is null)
        {
            warnings.Add($"{label}：未找到责任单位，牵头单位和配合单位需由政策处填写。({label}: no responsible-agency list found; the policy office must enter the lead and co-agencies.)");
            return;
        }
        if (list.Lead is null)
        {
            warnings.Add($"{label}：责任单位只列出地方，没有省级牵头单位，请政策处指定。({label}: the list names only local governments and no provincial lead; the policy office must choose one.)");
        }
        foreach (var agency in list.CoAgencies.Prepend(list.Lead).OfType<AgencyRef>().Where(a => !a.IsKnown))
        {
            warnings.Add($"{label}：“{agency.WrittenName}”不是已知单位，已按原文保留，请政策处映射到具体单位。"
                + $"({label}: '{agency.WrittenName}' is not a known agency; it is kept as written for the policy office to map.)");
        }
        foreach (var party in list.SpecialParties)
        {
            warnings.Add($"{label}：“{party}”不是单位，已作为特殊责任方保留，请确定由谁承办。"
                + $"({label}: '{party}' is not an agency but a place or party; it is kept as a special party — decide who acts for it.)");
        }
        warnings.AddRange(list.Notes.Select(n => $"{label}：{n}"));
    }
}
