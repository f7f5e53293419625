using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

public class EffectiveRuleTests
{
    private static PolicyPreview ParseWithClosing(string closing) => PolicyDocumentParser.Parse(
        $"""
        浙经信〔2024〕1号

        关于测试的若干措施

        1. 第一项。正文。（省经信厅）

        {closing}

        浙江省经济和信息化厅
        2024年7月22日
        """,
        TestCatalog.Instance);

    [Theory]
    [InlineData("本政策措施自公布之日起 30 日后施行。", "自公布之日起30日后施行", "2024-08-21")]
    [InlineData("本措施自公布之日起三十日后施行。", "自公布之日起三十日后施行", "2024-08-21")]
    [InlineData("本措施自发布之日起施行。", "自发布之日起施行", "2024-07-22")]
    [InlineData("本措施自印发之日起施行。", "自印发之日起施行", "2024-07-22")]
    [InlineData("本措施自2024年9月1日起施行，有效期3年。", "自2024年9月1日起施行", "2024-09-01")]
    [InlineData("本措施自二〇二五年一月一日起施行。", "自二〇二五年一月一日起施行", "2025-01-01")]
    [InlineData("本措施自公布之日起3个月后施行。", "自公布之日起3个月后施行", "2024-10-22")]
    public void Parse_EffectiveClause_GivesTheRuleAndTheDate(string closing, string rule, string effectiveOn)
    {
        var policy = ParseWithClosing(closing);

        Assert.Equal(rule, policy.EffectiveRule);
        Assert.Equal(DateOnly.Parse(effectiveOn, System.Globalization.CultureInfo.InvariantCulture), policy.EffectiveOn);
        Assert.Empty(policy.Warnings);
    }

    [Theory]
    [InlineData("本措施自省政府批准之日起施行。", "自省政府批准之日起施行")]
    // 皖政办秘〔2021〕82号 (Corpus/anhui-wanzhengbanmi-2021-82): a year, no day.
    [InlineData("本政策自2021年开始执行，由省经济和信息化厅负责解释。", "自2021年开始执行")]
    public void Parse_RuleThatCannotBeComputed_KeepsTheRuleAndWarns(string closing, string rule)
    {
        var policy = ParseWithClosing(closing);

        Assert.Equal(rule, policy.EffectiveRule);
        Assert.Null(policy.EffectiveOn);
        Assert.Contains(policy.Warnings, w => w.Contains("无法自动计算", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_NoEffectiveClause_LeavesTheRuleForThePolicyOffice()
    {
        var policy = ParseWithClosing("各地要认真贯彻落实。");

        Assert.Null(policy.EffectiveRule);
        Assert.Null(policy.EffectiveOn);
        var warning = Assert.Single(policy.Warnings);
        Assert.Contains("请政策处填写施行规则", warning, StringComparison.Ordinal);
    }
}
