using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

/// <summary>Small documents written in the styles other Zhejiang policies use.</summary>
public class OtherDocumentTests
{
    private const string ArabicNumbered = """
        浙科发人〔2024〕8号

        关于支持青年科技人才发展的若干措施

        为加快青年科技人才队伍建设，制定以下措施。

        1. 加大青年科技人才培养力度。支持高校和科研院所设立青年科学基金项目，每年资助不少于100项。（省科技厅、省教育厅、省财政厅，列第一位者为牵头单位，下同）

        2、优化青年人才评价机制
        完善以创新价值、能力、贡献为导向的评价体系，
        破除唯论文倾向。
        （省人力社保厅会同省科技厅负责）

        3. 强化青年人才生活保障。对符合条件的青年人才给予住房补贴。（省财政厅、省人力社保厅等按职责分工负责）

        本措施自2024年10月1日起施行。

        浙江省科学技术厅
        2024年9月10日
        """;

    private const string ExplicitLeads = """
        关于加快数字人才队伍建设的实施意见

        一、总体要求
        （一）明确目标任务
        到2027年，全省数字人才总量达到300万人。（省人力社保厅、省经信厅，排在第一位的部门为牵头部门）
        （二）完善培养体系
        推动人社部、财政部支持的数字技术工程师培育项目在我省落地。（人社部、财政部、省人力社保厅）
        二、保障措施
        （三）加强经费保障
        统筹各级财政资金支持数字人才培养。（省财政厅、省经信厅，省人力社保厅牵头）
        （四）加强统筹协调
        建立数字人才工作联席会议制度。（省经信厅牵头，省财政厅配合）
        （五）压实工作责任
        各地要将数字人才工作纳入年度考核。（省委人才办、省人力社保厅牵头，各市、县（市、区）政府负责落实）
        """;

    private static PolicyPreview Parse(string text) => PolicyDocumentParser.Parse(text, TestCatalog.Instance);

    [Fact]
    public void Parse_ArabicNumberedMeasures_ReadsTitlesBodiesAndLeads()
    {
        var policy = Parse(ArabicNumbered);

        Assert.Equal(["1.", "2、", "3."], policy.Measures.Select(m => m.NumberText));
        Assert.Equal(["加大青年科技人才培养力度", "优化青年人才评价机制", "强化青年人才生活保障"], policy.Measures.Select(m => m.Title));
        Assert.Equal("支持高校和科研院所设立青年科学基金项目，每年资助不少于100项。", policy.Measures[0].Body);
        Assert.Equal("完善以创新价值、能力、贡献为导向的评价体系，破除唯论文倾向。", policy.Measures[1].Body);
        Assert.Empty(policy.Sections);
        Assert.All(policy.Measures, m => Assert.Null(m.SectionNumber));
        Assert.All(policy.Measures, m => Assert.False(m.LocalImplementation));
    }

    [Fact]
    public void Parse_FirstListedIsLeadRuleWithXiaTong_MakesTheFirstListedTheLead()
    {
        var measure = Parse(ArabicNumbered).Measures[0];

        Assert.Equal("kj-330000", measure.Lead?.AgencyId);
        Assert.Equal(["jy-330000", "cz-330000"], measure.CoAgencies.Select(a => a.AgencyId));
    }

    [Fact]
    public void Parse_HuitongClause_MakesTheAgencyBeforeHuitongTheLead()
    {
        var measure = Parse(ArabicNumbered).Measures[1];

        Assert.Equal("rlsb-330000", measure.Lead?.AgencyId);
        Assert.Equal(["省科技厅"], measure.CoAgencies.Select(a => a.WrittenName));
    }

    [Fact]
    public void Parse_DengAnZhizeFengongFuzeEnding_IsNotReadAsAnAgency()
    {
        var measure = Parse(ArabicNumbered).Measures[2];

        Assert.Equal("省财政厅", measure.Lead?.WrittenName);
        Assert.Equal(["省人力社保厅"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.Empty(measure.SpecialParties);
    }

    [Fact]
    public void Parse_ArabicNumberedDocument_ReadsNumberTitleIssuerAndDates()
    {
        var policy = Parse(ArabicNumbered);

        Assert.Equal("浙科发人〔2024〕8号", policy.DocumentNumber);
        Assert.Equal("关于支持青年科技人才发展的若干措施", policy.Title);
        Assert.Equal(["kj-330000"], policy.Issuers.Select(i => i.AgencyId));
        Assert.Equal(new DateOnly(2024, 9, 10), policy.PublishedOn);
        Assert.Equal("自2024年10月1日起施行", policy.EffectiveRule);
        Assert.Equal(new DateOnly(2024, 10, 1), policy.EffectiveOn);
        Assert.Empty(policy.Warnings);
    }

    [Fact]
    public void Parse_PaiZaiDiYiWeiLeadRule_MakesTheFirstListedTheLead()
    {
        var measure = Parse(ExplicitLeads).Measures[0];

        Assert.Equal("rlsb-330000", measure.Lead?.AgencyId);
        Assert.Equal(["jx-330000"], measure.CoAgencies.Select(a => a.AgencyId));
        Assert.Equal(1, measure.SectionNumber);
    }

    [Fact]
    public void Parse_NationalMinistries_AreKeptAsUnknownAgenciesAndFlagged()
    {
        var policy = Parse(ExplicitLeads);
        var measure = policy.Measures[1];

        Assert.Equal(new AgencyRef("人社部", null, null), measure.Lead);
        Assert.False(measure.Lead!.IsKnown);
        Assert.Equal(["财政部", "省人力社保厅"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.False(measure.CoAgencies[0].IsKnown);
        Assert.Contains(policy.Warnings, w => w.StartsWith("（二）", StringComparison.Ordinal) && w.Contains("“人社部”", StringComparison.Ordinal));
        Assert.Contains(policy.Warnings, w => w.StartsWith("（二）", StringComparison.Ordinal) && w.Contains("“财政部”", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_AgencyMarkedQiantouAfterOthers_IsTheLead()
    {
        var measure = Parse(ExplicitLeads).Measures[2];

        Assert.Equal("rlsb-330000", measure.Lead?.AgencyId);
        Assert.Equal(["cz-330000", "jx-330000"], measure.CoAgencies.Select(a => a.AgencyId));
        Assert.Equal(2, measure.SectionNumber);
    }

    [Fact]
    public void Parse_QiantouThenPeihe_LeadIsTheQiantouAgency()
    {
        var measure = Parse(ExplicitLeads).Measures[3];

        Assert.Equal("jx-330000", measure.Lead?.AgencyId);
        Assert.Equal(["cz-330000"], measure.CoAgencies.Select(a => a.AgencyId));
    }

    [Fact]
    public void Parse_TwoAgenciesMarkedQiantou_TakesTheFirstAsLeadAndWarns()
    {
        var policy = Parse(ExplicitLeads);
        var measure = policy.Measures[4];

        Assert.Equal("rcb-330000", measure.Lead?.AgencyId);
        Assert.Equal(["rlsb-330000"], measure.CoAgencies.Select(a => a.AgencyId));
        Assert.Contains(policy.Warnings, w => w.StartsWith("（五）", StringComparison.Ordinal) && w.Contains("共同牵头", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LocalGovernmentsNamedInOneList_MakeOnlyThatMeasureLocal()
    {
        var measures = Parse(ExplicitLeads).Measures;

        Assert.Equal([false, false, false, false, true], measures.Select(m => m.LocalImplementation));
    }

    [Fact]
    public void Parse_DocumentWithoutEffectiveClauseNumberOrDate_LeavesThemNullAndWarns()
    {
        var policy = Parse(ExplicitLeads);

        Assert.Equal("关于加快数字人才队伍建设的实施意见", policy.Title);
        Assert.Null(policy.EffectiveRule);
        Assert.Null(policy.EffectiveOn);
        Assert.Null(policy.DocumentNumber);
        Assert.Null(policy.PublishedOn);
        Assert.Contains(policy.Warnings, w => w.Contains("施行规则", StringComparison.Ordinal));
        Assert.Contains(policy.Warnings, w => w.Contains("文号", StringComparison.Ordinal));
        Assert.Contains(policy.Warnings, w => w.Contains("成文日期", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_HalfWidthBracketsAndCommas_AreReadLikeFullWidth()
    {
        var policy = Parse("""
            浙经信人事[2024]151号

            关于测试的若干措施

            (一)第一项措施
            正文内容,继续说明。(省经信厅,省人社厅，列第一位的为牵头单位。以下均需各市、县(市、区)落实，不再列出)
            (二)第二项措施
            正文内容。(省人社厅)

            本措施自发布之日起施行。
            ２０２４年７月２２日
            """);

        Assert.Equal("浙经信人事〔2024〕151号", policy.DocumentNumber);
        Assert.Equal(["（一）", "（二）"], policy.Measures.Select(m => m.NumberText));
        Assert.Equal("正文内容，继续说明。", policy.Measures[0].Body);
        Assert.Equal("jx-330000", policy.Measures[0].Lead?.AgencyId);
        Assert.Equal(["rlsb-330000"], policy.Measures[0].CoAgencies.Select(a => a.AgencyId));
        Assert.All(policy.Measures, m => Assert.True(m.LocalImplementation));
        Assert.Equal(new DateOnly(2024, 7, 22), policy.PublishedOn);
        Assert.Equal(new DateOnly(2024, 7, 22), policy.EffectiveOn);
    }

    [Fact]
    public void Parse_TitleBrokenAcrossLines_JoinsItAndSaysSo()
    {
        var policy = Parse("""
            （一）将工信领域卓越工程师与省级认

            定体系融合接轨
            综合考虑人才基本条件、能力水平等因素，推进融合接轨。（省经信厅）
            """);

        Assert.Equal("将工信领域卓越工程师与省级认定体系融合接轨", policy.Measures[0].Title);
        Assert.Equal("综合考虑人才基本条件、能力水平等因素，推进融合接轨。", policy.Measures[0].Body);
        Assert.Contains(policy.Warnings, w => w.Contains("标题跨行", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_MiddleItemWithoutAgencyList_IsReportedAsNotAMeasureAndWarns()
    {
        var policy = Parse("""
            1. 第一项。正文一。（省经信厅）
            2. 第二项。正文二。
            3. 第三项。正文三。（省财政厅）
            """);

        Assert.Equal(["1.", "3."], policy.Measures.Select(m => m.NumberText));
        var item = Assert.Single(policy.NonMeasures);
        Assert.Equal("2.", item.Label);
        Assert.Contains("没有责任单位", item.Reason, StringComparison.Ordinal);
        Assert.Contains(policy.Warnings, w => w.StartsWith("2.", StringComparison.Ordinal) && w.Contains("没有责任单位", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SectionsWithNumberingRestartingAtOne_NumbersMeasuresThroughTheDocument()
    {
        var policy = Parse("""
            关于推进制造业人才发展的意见

            一、培养人才
            1. 建设实训基地。支持企业建设实训基地。（省人力社保厅）
            2. 开展订单培养。推动校企合作。（省教育厅）
            二、用好人才
            1. 完善激励机制。落实人才待遇。（省财政厅、人社部）
            """);

        Assert.Equal([1, 2, 3], policy.Measures.Select(m => m.Number));
        Assert.Equal(["1.", "2.", "1."], policy.Measures.Select(m => m.NumberText));
        Assert.Equal([1, 1, 2], policy.Measures.Select(m => m.SectionNumber));
        Assert.Equal(["培养人才", "用好人才"], policy.Sections.Select(s => s.Title));
        Assert.Contains(policy.Warnings, w => w.StartsWith("二、1.：“人社部”", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_SectionNumberedMeasuresWithLabelledLists_ReadsLeadAndCoAgencies()
    {
        var policy = Parse("""
            关于加强企业技术中心建设的意见

            一、加强组织领导。建立工作机制。（牵头单位：省经信厅；配合单位：省财政厅、省科技厅）
            二、强化要素保障。加大资金投入。（责任单位：省财政厅、省经信厅）
            三、抓好督促落实。定期通报进展。（省科技厅为牵头单位，省经信厅配合）
            """);

        Assert.Equal(["一、", "二、", "三、"], policy.Measures.Select(m => m.NumberText));
        Assert.Empty(policy.Sections);
        Assert.Equal(["jx-330000", "cz-330000", "kj-330000"], policy.Measures.Select(m => m.Lead?.AgencyId));
        Assert.Equal(["cz-330000", "kj-330000"], policy.Measures[0].CoAgencies.Select(a => a.AgencyId));
        Assert.Equal(["jx-330000"], policy.Measures[1].CoAgencies.Select(a => a.AgencyId));
        Assert.Equal(["jx-330000"], policy.Measures[2].CoAgencies.Select(a => a.AgencyId));
    }

    [Fact]
    public void Parse_ListNamingOnlyLocalGovernments_IsLocalWithoutLeadAndWarns()
    {
        var policy = Parse("""
            1. 第一项。正文一。（省经信厅）
            2. 第二项。正文二。（各市、县（市、区）政府负责落实）
            """);
        var measure = policy.Measures[1];

        Assert.Null(measure.Lead);
        Assert.True(measure.LocalImplementation);
        Assert.False(policy.Measures[0].LocalImplementation);
        Assert.Contains(policy.Warnings, w => w.StartsWith("2.", StringComparison.Ordinal) && w.Contains("没有省级牵头单位", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_BracketedNoteThatIsNotAnAgencyList_StaysInTheBody()
    {
        var policy = Parse("""
            1. 第一项。支持国家卓越工程师实践基地建设（以下简称“国家基地”）
            。（省经信厅）
            """);

        Assert.Equal("支持国家卓越工程师实践基地建设（以下简称“国家基地”）。", policy.Measures[0].Body);
        Assert.Equal("jx-330000", policy.Measures[0].Lead?.AgencyId);
    }
}
