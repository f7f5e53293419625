using System.Globalization;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>Small policy documents for the Studio tests; each has its own 文号 so tests never collide on the policy id.</summary>
internal static class StudioPolicies
{
    /// <summary>A fresh 文号 number; the policy's id is <c>p2031-{number}-</c> and the issuer's six hex digits.</summary>
    public static int NewNumber() => Random.Shared.Next(10_000, 100_000);

    public static string PolicyId(int number) =>
        Activities.Publishing.PolicyIds.From(string.Create(CultureInfo.InvariantCulture, $"浙经信测〔2031〕{number}号"), "");

    /// <summary>
    /// Two measures, in force since 2024-10-01 so the launched workflows assign their first tasks at once. The first
    /// names 省测试办, which no directory agency answers to: the reviewer must map it or accept it unmapped.
    /// </summary>
    public static string TwoMeasures(int number, string tag) => $"""
        浙经信测〔2031〕{number}号

        关于加强数字工程师培养的若干措施 {tag}

        为加快数字工程师队伍建设，制定以下措施。

        一、培养体系
        （一）完善数字工程师培养体系{tag}
        推动高校与企业联合培养数字工程师，每年培养不少于1000名。（省经信厅、省教育厅、省测试办，列第一位者为牵头单位）
        （二）优化数字工程师评价机制{tag}
        完善以创新能力和实际贡献为导向的评价体系。（省人力社保厅、省科技厅）

        本措施自2024年10月1日起施行。

        浙江省经济和信息化厅
        2024年9月10日
        """;
}
