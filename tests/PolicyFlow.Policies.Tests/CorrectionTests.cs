using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;

namespace PolicyFlow.Policies.Tests;

/// <summary>The policy office's corrections of a preview, applied in order; one that cannot apply is refused, naming it.</summary>
public sealed class CorrectionTests
{
    private static readonly string Text = CorrectionDocument.Text();

    private static CorrectedPreview Apply(params PolicyCorrection[] corrections) =>
        PreviewCorrections.Apply(PolicyDocumentParser.Parse(Text, TestCatalog.Instance), Text, corrections, TestCatalog.Instance);

    [Fact]
    public void TheDocument_ReadsAsThreeMeasuresAndTwoNonMeasures()
    {
        var preview = Apply().Preview;

        Assert.Equal(["（一）", "（二）", "（三）"], preview.Measures.Select(m => m.Label));
        Assert.Equal(["一、", "二、"], preview.NonMeasures.Select(n => n.Label));
        Assert.Equal(2, preview.Measures[0].Body.Split('\n').Length);
    }

    [Fact]
    public void Apply_ACorrectedLead_ReplacesTheFirstListedOne_AndLeavesItOutOfTheCoAgencies()
    {
        var corrected = Apply(
            new PolicyCorrection(CorrectionKind.Lead, 2, Lead: "省科技厅"),
            new PolicyCorrection(CorrectionKind.Title, 2, Title: "  优化工程师评价机制 "));

        var measure = corrected.Preview.Measures[1];
        Assert.Equal("kj-330000", measure.Lead!.AgencyId);
        Assert.Equal(["kj-330000"], measure.Leads.Select(l => l.AgencyId));
        Assert.Empty(measure.CoAgencies);
        Assert.Equal("优化工程师评价机制", measure.Title);
        Assert.Equal(new CorrectionChange(CorrectionKind.Lead, "（二）", "省人力社保厅", "省科技厅"), corrected.Changes[0]);
    }

    [Fact]
    public void Apply_CoAgencies_ByIdOrName_AndAnUnknownNameStaysToBeMapped()
    {
        var measure = Apply(new PolicyCorrection(CorrectionKind.CoAgencies, 3, CoAgencies: ["jx-330000", "省人社厅", "省测试办"])).Preview.Measures[2];

        Assert.Equal(["jx-330000", "rlsb-330000", null], measure.CoAgencies.Select(a => a.AgencyId));
        Assert.Equal("省测试办", measure.CoAgencies[2].WrittenName);
    }

    [Fact]
    public void Apply_NotAMeasure_KeepsTheItemWithTheOfficesReason_AndAMeasureAgainTakesItBack()
    {
        var marked = Apply(new PolicyCorrection(CorrectionKind.NotMeasure, 3, Reason: "已在另文部署"));
        Assert.Equal(["（一）", "（二）"], marked.Preview.Measures.Select(m => m.Label));
        var item = Assert.Single(marked.Preview.NonMeasures, n => n.Label == "（三）");
        Assert.Contains("已在另文部署", item.Reason, StringComparison.Ordinal);

        var back = Apply(
            new PolicyCorrection(CorrectionKind.NotMeasure, 3, Reason: "已在另文部署"),
            new PolicyCorrection(CorrectionKind.Measure, Line: item.Line, Lead: "省财政厅", CoAgencies: ["省经信厅"]));
        Assert.Equal(["（一）", "（二）", "（三）"], back.Preview.Measures.Select(m => m.Label));
        Assert.Equal("cz-330000", back.Preview.Measures[2].Lead!.AgencyId);
        Assert.Contains("加大财政支持", back.Preview.Measures[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_ANonMeasureTakenAsAMeasure_IsPlacedByItsLine_AndNumberedWithTheOthers()
    {
        var first = PolicyDocumentParser.Parse(Text, TestCatalog.Instance).NonMeasures[0];

        var preview = Apply(new PolicyCorrection(CorrectionKind.Measure, Line: first.Line, Lead: "省经信厅")).Preview;

        Assert.Equal(["一、", "（一）", "（二）", "（三）"], preview.Measures.Select(m => m.Label));
        Assert.Equal([1, 2, 3, 4], preview.Measures.Select(m => m.Number));
        Assert.Equal("总体要求", preview.Measures[0].Title);
        Assert.Contains("坚持问题导向", preview.Measures[0].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_Split_MakesTwoMeasuresWithTheSameAgencies()
    {
        var preview = Apply(new PolicyCorrection(CorrectionKind.Split, 1, At: 2)).Preview;

        Assert.Equal(["（一）-1", "（一）-2", "（二）", "（三）"], preview.Measures.Select(m => m.Label));
        Assert.Equal("推动高校与企业联合培养。", preview.Measures[0].Body);
        Assert.Equal("每年培养不少于1000名", preview.Measures[1].Title);
        Assert.Equal(preview.Measures[0].Lead, preview.Measures[1].Lead);
        Assert.Equal(preview.Measures[0].CoAgencies, preview.Measures[1].CoAgencies);
    }

    [Fact]
    public void Apply_MergeWithTheNext_JoinsBodiesAndTakesTheSecondsAgenciesAsCoAgencies()
    {
        var preview = Apply(new PolicyCorrection(CorrectionKind.Merge, 2, With: 3)).Preview;

        Assert.Equal(["（一）", "（二）、（三）"], preview.Measures.Select(m => m.Label));
        var merged = preview.Measures[1];
        Assert.Equal("rlsb-330000", merged.Lead!.AgencyId);
        Assert.Equal(["kj-330000", "cz-330000"], merged.CoAgencies.Select(a => a.AgencyId));
        Assert.Contains("加大财政支持", merged.Body, StringComparison.Ordinal);
    }

    public static TheoryData<string, PolicyCorrection[], int, string> Invalid() => new()
    {
        { "unknown measure", [new(CorrectionKind.Title, 9, Title: "x")], 1, "措施 9 不存在" },
        { "no measure", [new(CorrectionKind.Lead, null, Lead: "省经信厅")], 1, "Measure （未填） does not exist" },
        { "empty lead", [new(CorrectionKind.Lead, 1, Lead: "  ")], 1, "牵头单位不能为空。 The lead agency cannot be empty." },
        { "non-adjacent merge", [new(CorrectionKind.Merge, 1, With: 3)], 1, "只能合并相邻的两项措施" },
        { "merge with itself", [new(CorrectionKind.Merge, 2, With: 2)], 1, "Only adjacent measures can be merged" },
        { "split past the body", [new(CorrectionKind.Split, 1, At: 3)], 1, "拆分位置（at）须在第 2 至第 2 段之间" },
        { "split one paragraph", [new(CorrectionKind.Split, 2, At: 2)], 1, "只有一段正文，无法拆分" },
        { "no non-measure there", [new(CorrectionKind.Measure, Line: 999, Lead: "省经信厅")], 1, "第 999 行没有非措施条目" },
        { "not a measure without reason", [new(CorrectionKind.NotMeasure, 1)], 1, "理由不能为空" },
        { "lead as co-agency", [new(CorrectionKind.CoAgencies, 1, CoAgencies: ["省经信厅"])], 1, "是牵头单位，不能同时是配合单位" },
        { "a co-agency twice", [new(CorrectionKind.CoAgencies, 1, CoAgencies: ["省财政厅", "浙江省财政厅"])], 1, "重复" },
        { "title too long", [new(CorrectionKind.Title, 1, Title: new string('长', 501))], 1, "超过 500 个字符" },
        // Numbers are those of the moment: after a merge there are two measures, so a third no longer exists.
        { "a number gone after a merge", [new(CorrectionKind.Merge, 1, With: 2), new(CorrectionKind.Title, 3, Title: "x")], 2, "请填写 1 至 2 之间" },
        { "every measure removed", [new(CorrectionKind.NotMeasure, 1, Reason: "a"), new(CorrectionKind.NotMeasure, 1, Reason: "b"),
            new(CorrectionKind.NotMeasure, 1, Reason: "c")], 3, "至少要保留一项措施" },
    };

    [Theory]
    [MemberData(nameof(Invalid))]
    public void Apply_AnInvalidCorrection_IsRefusedNamingItsPositionAndWhy(string defect, PolicyCorrection[] corrections, int index, string reason)
    {
        var error = Assert.Throws<PolicyCorrectionException>(() => Apply(corrections));

        Assert.True(index == error.Index, $"{defect}: correction {error.Index}");
        Assert.Contains(reason, error.Message, StringComparison.Ordinal);
        Assert.Contains($"Correction {index} cannot be applied", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Apply_MoreCorrectionsThanTheBound_IsRefused()
    {
        var many = Enumerable.Repeat(new PolicyCorrection(CorrectionKind.Title, 1, Title: "x"), PreviewCorrections.MaxCorrections + 1).ToArray();

        Assert.Throws<PolicyCorrectionException>(() => Apply(many));
    }
}
