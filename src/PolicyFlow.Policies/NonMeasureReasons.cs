using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Why a numbered item is not a measure, in words the policy office can check.</summary>
internal static partial class NonMeasureReasons
{
    private const int MatchTimeoutMs = 1000;

    public static string Heading(string first, string last) => first == last
        ? $"章节标题，其下措施为{first}。(Heading; its measure is {first}.)"
        : $"章节标题，其下措施为{first}至{last}。(Heading; its measures are {first} to {last}.)";

    /// <summary>The warning for an ordinary-looking item left out for want of an agency list.</summary>
    public static string UncheckedItem(string numberText, int lineIndex)
    {
        var line = (lineIndex + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        return $"{numberText}（第 {line} 行）没有责任单位，未作为措施，请核对。"
            + $"({numberText} at line {line} has no agency list and is not taken as a measure; please check.)";
    }

    public const string CoveringNotice = "印发通知正文中的条目，不是所印发文件的措施。(An item of the covering notice, not a measure of the document it publishes.)";

    /// <summary>The reason for an item with no agency list, and whether a reviewer should look at it (an ordinary-looking item).</summary>
    public static (string Reason, bool Doubtful) NoList(string title)
    {
        if (PatternTimeout.Use(Ideology()).IsMatch(title))
        {
            return ("指导思想，没有可交办的任务和责任单位。(Guiding ideology: no task to assign and no agency list.)", false);
        }
        if (PatternTimeout.Use(Principles()).IsMatch(title))
        {
            return ("基本原则，没有可交办的任务和责任单位。(Principles: no task to assign and no agency list.)", false);
        }
        if (PatternTimeout.Use(Targets()).IsMatch(title))
        {
            return ("目标表述，没有责任单位。(Targets: no agency list.)", false);
        }
        if (PatternTimeout.Use(Requirements()).IsMatch(title))
        {
            return ("总体要求，没有责任单位。(General requirements: no agency list.)", false);
        }
        if (PatternTimeout.Use(Safeguards()).IsMatch(title))
        {
            return ("保障措施（工作要求）的表述，没有责任单位。(Safeguards or working requirements: no agency list.)", false);
        }
        return ("没有责任单位，未作为措施；如确为措施，请政策处补充牵头单位。(No agency list, so not taken as a measure; if it is one, the policy office adds its lead.)", true);
    }

    [GeneratedRegex("指导思想|总体思路", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Ideology();

    [GeneratedRegex("原则", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Principles();

    [GeneratedRegex("目标|任务目标|定位", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Targets();

    [GeneratedRegex("总体要求|基本要求|工作要求", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Requirements();

    [GeneratedRegex("保障|组织领导|组织实施|加强领导|督促|督查|考核|宣传|统筹协调|责任落实|抓好落实", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Safeguards();
}
