using System.Globalization;
using PolicyFlow.Directories;

namespace PolicyFlow.Policies;

/// <summary>Decides which numbered items are measures, which are headings and which are neither.</summary>
/// <remarks>
/// The level that carries the agency lists is the measure level, whichever it is, and per branch: an item whose own text
/// has a list is a measure (its sub-items are its body); an item with lists below it is a heading; an item with neither is
/// not a measure, with the reason. So （一）…（五） headings over 1.…21. measures, 一、…三十、 without headings and measures
/// numbered straight through across headings are all read alike. A document with no list at all returns null and is
/// read by its numbering alone.
/// </remarks>
internal static class MeasurePlanner
{
    private enum Kind
    {
        Measure,
        Heading,
        NotMeasure,
        Body,
    }

    public static DocumentLayout? Plan(
        IReadOnlyList<string> lines, AgencyCatalog catalog, PolicyParseOptions options, List<string> warnings)
    {
        var items = OutlineScanner.Scan(lines);
        var n = items.Count;
        if (n == 0)
        {
            return null;
        }
        var listCount = new int[n];
        var unclosed = new int[n];
        for (var i = 0; i < n; i++)
        {
            var (lists, unclosedAt) = ListFinder.Find(OwnText(lines, items, i), catalog);
            listCount[i] = lists.Count;
            unclosed[i] = unclosedAt;
        }
        if (listCount.All(c => c == 0))
        {
            return null;
        }
        LiftClosingLists(lines, items, listCount, catalog);
        var kinds = Classify(items, listCount);
        var measureParts = Enumerable.Range(0, n).Where(i => kinds[i] == Kind.Measure).Select(i => items[i].Part).ToHashSet();
        var measureLevels = Enumerable.Range(0, n).Where(i => kinds[i] == Kind.Measure).Select(i => items[i].Level).ToHashSet();
        CheckUnclosed(lines, items, kinds, unclosed, measureLevels);
        var lastItem = Enumerable.Range(0, n).Last(i => kinds[i] != Kind.Body);
        var incomplete = kinds[lastItem] == Kind.NotMeasure && measureLevels.Contains(items[lastItem].Level)
            && CheckLastItem(lines, items, lastItem, options);

        var sections = new List<SectionHeading>();
        var measures = new List<MeasureHeading>();
        var nonMeasures = new List<NonMeasurePreview>();
        var deepMeasures = measureLevels.Any(l => l > 1);
        for (var i = 0; i < n; i++)
        {
            var item = items[i];
            if (kinds[i] == Kind.Body)
            {
                continue;
            }
            if (kinds[i] == Kind.Measure)
            {
                var section = sections.Count > 0 ? sections.Count - 1 : (int?)null;
                measures.Add(new MeasureHeading(item.Line, item.Number, item.NumberText, item.Rest, section, ExtentEnd(lines, items, i)));
                continue;
            }
            var title = TitleOf(lines, item);
            if (item.Level == 1 && deepMeasures && measureParts.Contains(item.Part))
            {
                sections.Add(new SectionHeading(item.Line, item.Number, item.NumberText, title));
            }
            nonMeasures.Add(new NonMeasurePreview(item.NumberText, title, Reason(items, kinds, i, title, measureParts, warnings), item.Line + 1));
        }
        if (incomplete)
        {
            var last = items[lastItem];
            warnings.Add($"{last.NumberText}（第 {Line(last.Line)} 行）之后文本似乎不完整，已按“继续导入”作为非措施保留，请核对原件。"
                + $"({last.NumberText} at line {Line(last.Line)} looks cut off; imported as it is, as not a measure. Check against the original.)");
        }
        var first = measures[0].Line;
        var bodyStart = Math.Min(first, items.Where(it => measureParts.Contains(it.Part)).Min(it => it.Line));
        return new DocumentLayout(bodyStart, measures, sections, nonMeasures, ByLists: true);
    }

    private static Kind[] Classify(IReadOnlyList<OutlineItem> items, int[] listCount)
    {
        var n = items.Count;
        var kinds = new Kind[n];
        var insideUntil = -1;
        for (var i = 0; i < n; i++)
        {
            if (i < insideUntil)
            {
                kinds[i] = Kind.Body;
                continue;
            }
            var below = false;
            for (var k = i + 1; k < n && items[k].Level > items[i].Level && items[k].Part == items[i].Part; k++)
            {
                below |= listCount[k] > 0;
            }
            if (below)
            {
                kinds[i] = Kind.Heading;
            }
            else if (listCount[i] > 0)
            {
                kinds[i] = Kind.Measure;
                insideUntil = i + 1;
                while (insideUntil < n && items[insideUntil].Level > items[i].Level && items[insideUntil].Part == items[i].Part)
                {
                    insideUntil++;
                }
            }
            else
            {
                kinds[i] = Kind.NotMeasure;
            }
        }
        return kinds;
    }

    // 1.完善应急预案体系 / （1）… / （4）… / （责任单位：…）: a list on its own line after the last of several sub-items, none
    // of which has a list, closes the parent item; the sub-items are its body, not measures.
    private static void LiftClosingLists(IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, int[] listCount, AgencyCatalog catalog)
    {
        for (var p = 0; p < items.Count; p++)
        {
            if (listCount[p] > 0 || FlatChildren(items, p) is not { Count: >= 2 } children)
            {
                continue;
            }
            var last = children[^1];
            if (listCount[last] != 1 || children.SkipLast(1).Any(k => listCount[k] > 0))
            {
                continue;
            }
            var own = OwnText(lines, items, last);
            var list = ListFinder.Find(own, catalog).Lists[0];
            if (list.Start > 0 && own[list.Start - 1] == '\n' && ListFinder.EndsLine(own, list.End) && own[(list.End + 1)..].Trim().Trim('。').Length == 0)
            {
                listCount[p] = 1;
                listCount[last] = 0;
            }
        }
    }

    // The items directly under p when all are at one level and have none below them; null otherwise. Stops at the first
    // deeper item, so a deeply nested outline costs one step per item.
    private static List<int>? FlatChildren(IReadOnlyList<OutlineItem> items, int p)
    {
        var children = new List<int>();
        for (var k = p + 1; k < items.Count && items[k].Level > items[p].Level && items[k].Part == items[p].Part; k++)
        {
            if (items[k].Level != items[p + 1].Level)
            {
                return null;
            }
            children.Add(k);
        }
        return children;
    }

    private static string Reason(
        IReadOnlyList<OutlineItem> items, Kind[] kinds, int i, string title, HashSet<int> measureParts, List<string> warnings)
    {
        var item = items[i];
        if (kinds[i] == Kind.Heading)
        {
            var under = Enumerable.Range(i + 1, items.Count - i - 1)
                .TakeWhile(k => items[k].Level > item.Level && items[k].Part == item.Part)
                .Where(k => kinds[k] == Kind.Measure)
                .Select(k => items[k].NumberText)
                .ToList();
            return NonMeasureReasons.Heading(under[0], under[^1]);
        }
        if (!measureParts.Contains(item.Part))
        {
            return NonMeasureReasons.CoveringNotice;
        }
        var (reason, doubtful) = NonMeasureReasons.NoList(title);
        if (doubtful)
        {
            warnings.Add(NonMeasureReasons.UncheckedItem(item.NumberText, item.Line));
        }
        return reason;
    }

    // An agency list that never closes inside an item at the measure level is a cut, not a typo to read around.
    private static void CheckUnclosed(
        IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, Kind[] kinds, int[] unclosed, HashSet<int> measureLevels)
    {
        for (var i = 0; i < items.Count; i++)
        {
            if (unclosed[i] >= 0 && kinds[i] != Kind.Body && measureLevels.Contains(items[i].Level))
            {
                var content = OwnText(lines, items, i);
                throw TruncationErrors.Unclosed(items[i].NumberText, items[i].Line + content[..unclosed[i]].Count(c => c == '\n'),
                    content[unclosed[i]..]);
            }
        }
    }

    // The last numbered item has no list though its siblings do: cut off, unless the document visibly goes on to its end.
    private static bool CheckLastItem(
        IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, int last, PolicyParseOptions options)
    {
        var item = items[last];
        var own = lines.Skip(item.Line + 1).Take(OwnEnd(lines, items, last) - item.Line - 1).ToList();
        var text = string.Join('\n', own.Prepend(item.Rest)).Trim();
        if (own.Any(IsClosingLine))
        {
            return false;
        }
        if (own.All(l => l.Length == 0) && !item.Rest.Contains('。', StringComparison.Ordinal))
        {
            throw TruncationErrors.HeadingOnly(item.NumberText, item.Line);
        }
        if (!PolicyText.EndsSentence(text) && !text.EndsWith('）'))
        {
            throw TruncationErrors.MidSentence(item.NumberText, item.Line, text);
        }
        if (!options.AllowIncomplete)
        {
            throw TruncationErrors.NoList(item.NumberText, item.Line);
        }
        return true;
    }

    private static bool IsClosingLine(string line) =>
        (ChineseNumbers.TryParseDateLine(line, out _, out _))
        || line.Contains("此件", StringComparison.Ordinal)
        || line.StartsWith("抄送", StringComparison.Ordinal)
        || line.StartsWith("附件", StringComparison.Ordinal)
        || (line.Contains("施行", StringComparison.Ordinal) && line.Contains('起', StringComparison.Ordinal));

    private static string TitleOf(IReadOnlyList<string> lines, OutlineItem item)
    {
        var rest = item.Rest;
        if (rest.Length == 0)
        {
            rest = lines.Skip(item.Line + 1).FirstOrDefault(l => l.Length > 0) ?? "";
        }
        var stop = rest.IndexOfAny(['。', '：']);
        return PolicyText.TidySpaces(stop >= 0 ? rest[..stop] : rest);
    }

    /// <summary>The item's own text: its heading line after the number and the lines up to the next numbered line.</summary>
    public static string OwnText(IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, int i) =>
        string.Join('\n', lines.Skip(items[i].Line + 1).Take(OwnEnd(lines, items, i) - items[i].Line - 1).Prepend(items[i].Rest));

    private static int OwnEnd(IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, int i) =>
        i + 1 < items.Count ? items[i + 1].Line : lines.Count;

    private static int ExtentEnd(IReadOnlyList<string> lines, IReadOnlyList<OutlineItem> items, int i)
    {
        for (var k = i + 1; k < items.Count; k++)
        {
            if (items[k].Level <= items[i].Level || items[k].Part != items[i].Part)
            {
                return items[k].Line;
            }
        }
        return lines.Count;
    }

    private static string Line(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
