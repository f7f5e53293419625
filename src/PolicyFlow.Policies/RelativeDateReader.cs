using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Finds deadlines stated relative to the document or another event (自印发之日起30日内, 出台后3个月内).</summary>
/// <remarks>They are reported, never turned into dates here: what they count from (印发, 施行, 交办) is for the policy
/// office to confirm.</remarks>
internal static partial class RelativeDateReader
{
    private const int MatchTimeoutMs = 1000;
    private const string Outside = "正文";

    public static IReadOnlyList<RelativeDatePreview> Read(IReadOnlyList<MeasurePreview> measures, string front, string tail)
    {
        var found = new List<RelativeDatePreview>();
        Collect(Outside, front, found);
        foreach (var measure in measures)
        {
            Collect(measure.Label, measure.Body, found);
        }
        Collect(Outside, tail, found);
        return found;
    }

    private static void Collect(string where, string text, List<RelativeDatePreview> found)
    {
        foreach (Match match in PatternTimeout.Use(Relative()).Matches(PolicyText.RemoveWhitespace(text)))
        {
            found.Add(new RelativeDatePreview(where, match.Value));
        }
    }

    [GeneratedRegex("(自|从)?(本(通知|意见|方案|措施|办法|文件|政策)?)?(印发|发布|公布|施行|实施|出台|下发|收到|交办)(之日起|后)[0-9一二三四五六七八九十两]{1,4}(个工作日|个月|日|天|周|年)(内|以内|后)?(?![后起]*(施行|实施|执行|生效))",
        RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex Relative();
}
