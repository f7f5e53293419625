using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Finds every numbered line of a document at the four drafting levels 一、 › （一） › 1. › （1）.</summary>
/// <remarks>A number only counts when it follows the previous one of its level, or restarts at 1 after a line of a
/// higher level; so a line that merely starts with a number after a PDF line break stays body text. A date line on its
/// own (the signature of a covering notice) or an attachment mark on its own (附件, 附件2：) starts a new part whose
/// numbering starts afresh: a 考评办法 一、…四、 is followed by its 附件 一、…七、.</remarks>
internal static partial class OutlineScanner
{
    private const int MatchTimeoutMs = 1000;
    private const int Levels = 4;
    private const int WrappedLineLength = 40;

    public static IReadOnlyList<OutlineItem> Scan(IReadOnlyList<string> lines)
    {
        var items = new List<OutlineItem>();
        var last = new int[Levels + 1];
        var restartable = new bool[Levels + 1];
        var part = 0;
        for (var i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            if ((ChineseNumbers.TryParseDateLine(line, out _, out var suffix) && suffix.Length == 0)
                || IsAttachmentMark(line))
            {
                Array.Clear(last);
                Array.Clear(restartable);
                part++;
                continue;
            }
            if (!TryMatch(line, out var level, out var number, out var numberText, out var rest))
            {
                continue;
            }
            var follows = number == last[level] + 1 || (number == 1 && restartable[level]);
            if (!follows || IsWrappedContinuation(lines, i))
            {
                continue;
            }
            items.Add(new OutlineItem(i, level, number, numberText, rest.Trim(), part));
            if (items.Count > Limits.MaxNumberedItems)
            {
                throw Limits.TooMany("编号条目", "numbered items", Limits.MaxNumberedItems);
            }
            last[level] = number;
            restartable[level] = false;
            for (var deeper = level + 1; deeper <= Levels; deeper++)
            {
                restartable[deeper] = true;
            }
        }
        return items;
    }

    // A long previous line that does not end a sentence was wrapped by PDF extraction: this line continues it.
    private static bool IsWrappedContinuation(IReadOnlyList<string> lines, int index)
    {
        var j = index - 1;
        while (j >= 0 && lines[j].Length == 0)
        {
            j--;
        }
        if (j < 0)
        {
            return false;
        }
        var previous = lines[j];
        // A labelled list line (牵头单位：A、B、…) ends its item however long it is.
        return previous.Length > WrappedLineLength && !PolicyText.EndsSentence(previous) && !previous.EndsWith('）') && !previous.EndsWith('〕')
            && !PatternTimeout.Use(LabelledLine()).IsMatch(previous);
    }

    private static bool TryMatch(string line, out int level, out int number, out string numberText, out string rest)
    {
        level = 0;
        number = 0;
        numberText = "";
        rest = "";
        Match match;
        if ((match = PatternTimeout.Use(Chapter()).Match(line)).Success)
        {
            level = 1;
            numberText = match.Groups["n"].Value + "、";
        }
        else if ((match = PatternTimeout.Use(ParenChinese()).Match(line)).Success)
        {
            level = 2;
            numberText = "（" + match.Groups["n"].Value + "）";
        }
        else if ((match = PatternTimeout.Use(Arabic()).Match(line)).Success)
        {
            level = 3;
        }
        else if ((match = PatternTimeout.Use(ParenArabic()).Match(line)).Success)
        {
            level = 4;
        }
        else
        {
            return false;
        }
        if (ChineseNumbers.Parse(match.Groups["n"].Value) is not { } parsed)
        {
            return false;
        }
        number = parsed;
        numberText = level switch
        {
            3 => parsed.ToString(CultureInfo.InvariantCulture) + match.Groups["sep"].Value,
            4 => "（" + parsed.ToString(CultureInfo.InvariantCulture) + "）",
            _ => numberText,
        };
        rest = match.Groups["rest"].Value;
        return true;
    }

    [GeneratedRegex("^(" + AgencyListReader.Labels + ")[：:]", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex LabelledLine();

    /// <summary>Whether a line is an attachment mark on its own (附件, 附件2：).</summary>
    internal static bool IsAttachmentMark(string line) => PatternTimeout.Use(AttachmentMark()).IsMatch(line);

    /// <summary>Whether a line starts with a number of one of the four levels, whether or not it follows the one before.</summary>
    internal static bool StartsNumbered(string line) =>
        PatternTimeout.Use(Chapter()).IsMatch(line) || PatternTimeout.Use(ParenChinese()).IsMatch(line)
        || PatternTimeout.Use(Arabic()).IsMatch(line) || PatternTimeout.Use(ParenArabic()).IsMatch(line);

    [GeneratedRegex("^附件[0-9一二三四五六七八九十]{0,3}[：:]?$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex AttachmentMark();

    [GeneratedRegex("^(?<n>[一二三四五六七八九十]{1,3})、(?<rest>.*)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Chapter();

    [GeneratedRegex("^（(?<n>[一二三四五六七八九十]{1,3})）(?<rest>.*)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex ParenChinese();

    [GeneratedRegex("^(?<n>[0-9]{1,3})(?<sep>[.、])(?![0-9])(?<rest>.*)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Arabic();

    [GeneratedRegex("^（(?<n>[0-9]{1,2})）(?<rest>.*)$", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex ParenArabic();
}
