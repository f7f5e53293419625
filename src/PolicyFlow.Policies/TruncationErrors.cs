using System.Globalization;

namespace PolicyFlow.Policies;

/// <summary>The refusals of a document that looks cut off; each names the line and, where one exists, the way to go on.</summary>
internal static class TruncationErrors
{
    private const string ContinueZh = "若原件确实如此，可选择“继续导入”（AllowIncomplete）按现有文本导入，该条将列为非措施。";
    private const string ContinueEn = "If the original really ends this way, import with the AllowIncomplete option to continue; the item will be listed as not a measure.";

    public static PolicyFormatException Unclosed(string label, int lineIndex, string rest)
    {
        var line = Line(lineIndex);
        var excerpt = rest.Replace('\n', ' ');
        excerpt = excerpt.Length > 24 ? excerpt[..24] + "…" : excerpt;
        return new PolicyFormatException(PolicyFormatError.Truncated,
            $"措施{label}第 {line} 行的括号“{excerpt}”没有闭合，文本似乎被截断或括号缺失。"
            + $"(In measure {label}, the bracket opened at line {line} ('{excerpt}') never closes; the text appears truncated or a bracket is missing.)");
    }

    public static PolicyFormatException HeadingOnly(string label, int lineIndex)
    {
        var line = Line(lineIndex);
        return new PolicyFormatException(PolicyFormatError.Truncated,
            $"最后一条措施{label}（第 {line} 行）只有标题、没有正文，文本似乎被截断。"
            + $"(The last measure {label} at line {line} has a heading but no text; the document appears truncated.)");
    }

    public static PolicyFormatException MidSentence(string label, int lineIndex, string text)
    {
        var line = Line(lineIndex);
        var trimmed = text.Trim();
        var end = (trimmed.Length > 20 ? trimmed[^20..] : trimmed).Replace('\n', ' ');
        return new PolicyFormatException(PolicyFormatError.Truncated,
            $"最后一条措施{label}（第 {line} 行）在句子中间结束（“…{end}”），文本似乎被截断。"
            + $"(The last measure {label} at line {line} stops mid-sentence ('…{end}'); the document appears truncated.)");
    }

    public static PolicyFormatException NoList(string label, int lineIndex)
    {
        var line = Line(lineIndex);
        return new PolicyFormatException(PolicyFormatError.Truncated,
            $"最后一条措施{label}（第 {line} 行）没有以责任单位括号结尾，而前面的措施都有，其后也没有落款或日期，文本似乎在此被截断；"
            + "请上传完整文本或补全责任单位。" + ContinueZh
            + $"(The last measure {label} at line {line} does not end with its responsible-agency list although earlier measures do, "
            + "and no signature or date follows; the document appears truncated. Upload the complete text or add the list. " + ContinueEn + ")");
    }

    private static string Line(int index) => (index + 1).ToString(CultureInfo.InvariantCulture);
}
