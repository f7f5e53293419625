using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Finds the effective-date clause (施行规则) and computes the date it gives.</summary>
/// <remarks>Looked for first in the text after the measures (where the seed has 本政策措施自公布之日起30日后施行),
/// then in the last measure, then before the measures. 公布/发布/印发之日 all count from the signing date.</remarks>
internal static partial class EffectiveRuleReader
{
    public static (string? Rule, DateOnly? On) Read(IEnumerable<string> places, DateOnly? published, List<string> warnings)
    {
        foreach (var place in places)
        {
            foreach (var sentence in PolicyText.RemoveWhitespace(place).Split('。', '；'))
            {
                if (TryRule(sentence, published, warnings) is { } found)
                {
                    return found;
                }
            }
        }
        warnings.Add("文件未写明施行日期（如“自公布之日起30日后施行”），请政策处填写施行规则。"
            + "(The document states no effective-date rule; the policy office must enter it.)");
        return (null, null);
    }

    private static (string Rule, DateOnly? On)? TryRule(string sentence, DateOnly? published, List<string> warnings)
    {
        if (PatternTimeout.Use(AfterPeriod()).Match(sentence) is { Success: true } after)
        {
            var count = ChineseNumbers.Parse(after.Groups["n"].Value);
            var on = count is null || published is null ? (DateOnly?)null
                : after.Groups["unit"].Value == "个月" ? published.Value.AddMonths(count.Value) : published.Value.AddDays(count.Value);
            return Computed(after.Value, on, published, warnings);
        }
        if (PatternTimeout.Use(OnPublication()).Match(sentence) is { Success: true } immediate)
        {
            return Computed(immediate.Value, published, published, warnings);
        }
        if (PatternTimeout.Use(FromDate()).Match(sentence) is { Success: true } fixedDate)
        {
            return (fixedDate.Value, ChineseNumbers.TryDate(fixedDate, out var date) ? date : null);
        }
        if (PatternTimeout.Use(AnyRule()).Match(sentence) is { Success: true } other)
        {
            warnings.Add($"施行规则“{other.Value}”无法自动计算施行日期，请填写。(The effective rule '{other.Value}' cannot be computed; please enter the effective date.)");
            return (other.Value, null);
        }
        return null;
    }

    private static (string, DateOnly?) Computed(string rule, DateOnly? on, DateOnly? published, List<string> warnings)
    {
        if (published is null)
        {
            warnings.Add($"施行规则“{rule}”以成文日期为起点，但未找到成文日期，施行日期需手工填写。(The effective rule '{rule}' counts from the publication date, which was not found; enter the effective date.)");
        }
        return (rule, on);
    }

    [GeneratedRegex("自(公布|发布|印发|颁布|下发|发文)之日起(?<n>[0-9]+|[一二三四五六七八九十百零〇两]+)(?<unit>日|天|个月)(以)?后(起)?(施行|实施|执行|生效)", RegexOptions.None, 1000)]
    private static partial Regex AfterPeriod();

    [GeneratedRegex("自(公布|发布|印发|颁布|下发|发文)之日起(施行|实施|执行|生效)", RegexOptions.None, 1000)]
    private static partial Regex OnPublication();

    [GeneratedRegex("自" + ChineseNumbers.DatePattern + "起(施行|实施|执行|生效)", RegexOptions.None, 1000)]
    private static partial Regex FromDate();

    // 自省政府批准之日起施行, and a year alone: 本政策自2021年开始执行.
    [GeneratedRegex("自[^，]{1,30}?(起|开始)[^，]{0,12}?(施行|实施|执行|生效)", RegexOptions.None, 1000)]
    private static partial Regex AnyRule();
}
