using System.Text.RegularExpressions;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>An agency list found in a measure's text: <see cref="Start"/>..<see cref="End"/> inclusive, without brackets in <see cref="Text"/>.</summary>
internal sealed record ListSpan(int Start, int End, string Text, AgencyList List);

/// <summary>Finds the responsible-agency lists in a numbered item's text.</summary>
/// <remarks>
/// A list is a top-level （…） or 〔…〕 that closes a sentence — it follows 。/；/！/？ or ends its line (an optional 。 may follow) —
/// and reads as an agency list; or a line (or the rest of a line after a full stop) that starts with a label such as
/// 牵头单位： or 责任单位：; such lines in a row (牵头单位：X / 责任单位：Y) are one list. Parentheses inside a sentence (（工程勘察除外）, （PPP）, （以下简称…）) are never lists.
/// </remarks>
internal static partial class ListFinder
{
    private const int MatchTimeoutMs = 1000;

    /// <summary>More agency lists than this in one numbered item is no policy text: reading them all would take seconds.</summary>
    public const int MaxListsPerItem = 1000;

    public static (IReadOnlyList<ListSpan> Lists, int UnclosedAt) Find(string content, AgencyCatalog catalog)
    {
        var (groups, unclosedAt) = BracketScanner.Scan(content);
        var lists = new List<ListSpan>();
        foreach (var group in groups)
        {
            if (lists.Count > MaxListsPerItem)
            {
                throw Limits.TooMany("一个条目中的责任单位括注", "agency lists in one numbered item", MaxListsPerItem);
            }
            // 〔责任单位：…〕 is how a list is bracketed when it holds （） itself (相关市（州）人民政府).
            if (content[group.Start] is not ('（' or '〔') || !(ClosesSentence(content, group.Start) || EndsLine(content, group.End)))
            {
                continue;
            }
            var inner = content[(group.Start + 1)..group.End];
            if (AgencyListReader.TryRead(inner, catalog) is { } list)
            {
                lists.Add(new ListSpan(group.Start, group.End, PolicyText.TidySpaces(inner.Replace('\n', ' ')), list));
            }
        }
        foreach (var (start, end) in LabelledRuns(content, groups))
        {
            var text = content[start..(end + 1)].TrimEnd().TrimEnd('。');
            if (AgencyListReader.TryRead(text, catalog) is { } list)
            {
                lists.Add(new ListSpan(start, start + text.Length - 1, PolicyText.TidySpaces(text.Replace('\n', ' ')), list));
            }
        }
        lists.Sort((a, b) => a.Start.CompareTo(b.Start));
        return (lists, unclosedAt);
    }

    private static bool ClosesSentence(string content, int opener)
    {
        var i = opener - 1;
        while (i >= 0 && char.IsWhiteSpace(content[i]))
        {
            i--;
        }
        return i >= 0 && content[i] is '。' or '；' or '！' or '？';
    }

    public static bool EndsLine(string content, int closer)
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

    // 牵头责任单位：X。 and 协同责任单位：Y。 on consecutive lines are one list, not two tasks.
    private static IEnumerable<(int Start, int End)> LabelledRuns(string content, IReadOnlyList<BracketGroup> groups)
    {
        int? runStart = null;
        var runEnd = -1;
        foreach (Match match in PatternTimeout.Use(LabelledLine()).Matches(content))
        {
            var start = match.Groups["list"].Index;
            if (groups.Any(g => g.Start <= start && start <= g.End))
            {
                continue;
            }
            var end = start + match.Groups["list"].Length - 1;
            if (runStart is not null && content.AsSpan((runEnd + 1)..start).Trim(" \n").IsEmpty)
            {
                runEnd = end;
                continue;
            }
            if (runStart is { } previous)
            {
                yield return (previous, runEnd);
            }
            (runStart, runEnd) = (start, end);
        }
        if (runStart is { } last)
        {
            yield return (last, runEnd);
        }
    }

    [GeneratedRegex("(?:^|(?<=[。；]))[ ]*(?<list>(" + AgencyListReader.Labels + ")[：:][^\\n]*)",
        RegexOptions.Multiline, MatchTimeoutMs)]
    private static partial Regex LabelledLine();
}
