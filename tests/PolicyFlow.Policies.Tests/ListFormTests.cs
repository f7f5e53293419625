using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

/// <summary>List forms and document shapes the corpus has no real example of yet, in the wording documents use.</summary>
public class ListFormTests
{
    private static PolicyPreview Parse(string text, PolicyParseOptions? options = null) =>
        PolicyDocumentParser.Parse(text, TestCatalog.Instance, options ?? PolicyParseOptions.Default);

    [Fact]
    public void Parse_ListsEndingInQiantouFuzeAndZhidao_ReadTheLeadAndTheRole()
    {
        var measures = Parse("""
            一、建立联席会议制度。定期研究解决重大问题。（省经信厅牵头负责）
            二、开展业务培训。每年组织一次全省培训。（省人力社保厅指导）
            三、加强督促检查。按季度通报进展。（省经信厅、省财政厅等有关部门和单位负责）
            """).Measures;

        Assert.Equal(["jx-330000", "rlsb-330000", "jx-330000"], measures.Select(m => m.Lead?.AgencyId));
        Assert.Contains("牵头", measures[0].Roles);
        Assert.Equal(["指导"], measures[1].Roles);
        Assert.True(measures[2].OpenEnded);
        Assert.Equal(["省财政厅"], measures[2].CoAgencies.Select(a => a.WrittenName));
    }

    [Fact]
    public void Parse_ListNamingNoDepartment_IsAMeasureWithoutLeadAndWithItsParties()
    {
        var policy = Parse("""
            1. 开展试点。在有条件的地区先行先试。（试点城市政府负责）
            2. 加强宣传。做好政策解读。（有关部门按职责分工负责）
            3. 抓好落实。（各设区市政府负责）
            """);

        Assert.Equal(3, policy.Measures.Count);
        Assert.All(policy.Measures, m => Assert.Null(m.Lead));
        Assert.Equal(["试点城市政府"], policy.Measures[0].LocalGovernments);
        Assert.True(policy.Measures[1].OpenEnded);
        Assert.Equal(["各设区市政府"], policy.Measures[2].LocalGovernments);
    }

    [Fact]
    public void Parse_StandingRuleThatOtherDepartmentsTakePart_MakesEveryLaterMeasureOpenEnded()
    {
        // The first list of the 中医药 分工方案 (Corpus/guozhongyiyao-2017-zhanlue-fengong) states the rule; its stored copy stops
        // inside the second list, so the measures after it are written here in the same form.
        var measures = Parse("""
            1. 完善服务网络。建成覆盖城乡的服务网络。（省经信厅、省财政厅负责。列第一位者为牵头部门或单位，其他有关部门和单位按职责分工负责，下同）
            2. 合理配置资源。每个县设置1个县办服务中心。（省财政厅、省发展改革委负责）
            3. 加强人才培养。每年培训1000人。（省人力社保厅负责）
            """).Measures;

        Assert.All(measures, m => Assert.True(m.OpenEnded));
        Assert.Equal(["jx-330000", "cz-330000", "rlsb-330000"], measures.Select(m => m.Lead?.AgencyId));
        Assert.Equal(["省发展改革委"], measures[1].CoAgencies.Select(a => a.WrittenName));
        Assert.Empty(measures[2].CoAgencies);
    }

    [Fact]
    public void Parse_ClassOfDepartmentsInOneListWithoutXiaTong_IsOpenEndedThereOnly()
    {
        var measures = Parse("""
            1. 完善服务网络。建成覆盖城乡的服务网络。（省经信厅、其他有关部门和单位按职责分工负责）
            2. 合理配置资源。每个县设置1个县办服务中心。（省财政厅负责）
            """).Measures;

        Assert.True(measures[0].OpenEnded);
        Assert.False(measures[1].OpenEnded);
    }

    [Fact]
    public void Parse_ExplicitLeadsAfterOthers_OverrideTheFirstListed()
    {
        var measure = Parse("1. 推进改革。完善制度。（省财政厅、省经信厅牵头，省科技厅参与）").Measures[0];

        Assert.Equal(["省财政厅", "省经信厅"], measure.Leads.Select(a => a.WrittenName));
        Assert.Equal(["省经信厅", "省科技厅"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.Contains("参与", measure.Roles);
    }

    [Fact]
    public void Parse_KeyValueListWithAnotherKey_IgnoresTheOtherKey()
    {
        var measure = Parse("1. 减免费用。降低企业成本。（负责部门：省财政厅、省经信厅；适用范围：全省中小企业）").Measures[0];

        Assert.Equal("cz-330000", measure.Lead?.AgencyId);
        Assert.Equal(["省经信厅"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.Empty(measure.SpecialParties);
    }

    [Fact]
    public void Parse_ParenthesesInsideTheSentence_AreNotAgencyLists()
    {
        var measure = Parse("1. 规范招标。依法必须招标的项目（工程勘察除外）推行政府和社会资本合作（PPP）模式。（省发展改革委负责）").Measures.Single();

        Assert.Contains("（工程勘察除外）", measure.Body, StringComparison.Ordinal);
        Assert.Contains("（PPP）", measure.Body, StringComparison.Ordinal);
        Assert.Equal("fgw-330000", measure.Lead?.AgencyId);
    }

    [Fact]
    public void Parse_RelativeDeadlines_AreReportedNotTurnedIntoDates()
    {
        var policy = Parse("""
            1. 制定细则。各地自本方案印发之日起30日内制定实施细则。（各设区市政府负责）
            2. 报送情况。每季度报送进展。（省经信厅负责）
            """);

        var date = Assert.Single(policy.RelativeDates);
        Assert.Equal("1.", date.Where);
        Assert.Contains("印发之日起30日内", date.Text, StringComparison.Ordinal);
        Assert.Null(policy.EffectiveRule);
        Assert.Equal("not stated", policy.EffectiveRuleStatus);
    }

    private const string EndsWithSafeguards = """
        1. 第一项。正文一。（省经信厅负责）
        2. 第二项。正文二。（省财政厅负责）
        3. 加强组织保障。各地要高度重视，确保各项措施落到实处。
        """;

    [Fact]
    public void Parse_CompleteDocumentWhoseLastItemHasNoList_IsNotRefused()
    {
        var policy = Parse(EndsWithSafeguards + "\n浙江省经济和信息化厅\n2024年7月22日\n");

        Assert.Equal(["1.", "2."], policy.Measures.Select(m => m.Label));
        Assert.Equal("3.", Assert.Single(policy.NonMeasures).Label);
    }

    [Fact]
    public void Parse_NoListAnywhere_OnlyTheLastChapterFramesTheTasks_AMiddleChapterOnSupportStaysTasks()
    {
        var policy = Parse("""
            一、重点任务
            （一）推进项目建设。加快重点项目开工。
            二、强化要素保障
            （一）保障用地需求。优先安排重点项目用地。
            三、保障措施
            （一）加强组织领导。各地要建立工作机制。
            浙江省经济和信息化厅
            2024年7月22日
            """);

        Assert.Equal(["一、（一）", "二、（一）"], policy.Measures.Select(m => m.Label));
        Assert.Equal(["一、", "二、", "三、", "三、（一）"], policy.NonMeasures.Select(n => n.Label));
        Assert.StartsWith("章节标题", policy.NonMeasures[1].Reason, StringComparison.Ordinal);
        Assert.StartsWith("保障措施", policy.NonMeasures[3].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LastItemWithoutListAndNothingAfterIt_IsRefusedNamingTheLineAndTheWayOn()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Parse(EndsWithSafeguards));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("第 3 行", ex.Message, StringComparison.Ordinal);
        Assert.Contains("AllowIncomplete", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_AllowIncomplete_ImportsTheDocumentAndWarns()
    {
        var policy = Parse(EndsWithSafeguards, new PolicyParseOptions { AllowIncomplete = true });

        Assert.Equal(2, policy.Measures.Count);
        Assert.Contains(policy.Warnings, w => w.Contains("不完整", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_LastMeasureInAnotherListForm_IsNotRefused()
    {
        var policy = Parse("""
            1. 第一项。正文一。（省经信厅负责）
            2. 第二项。正文二。（省财政厅负责）
            3. 第三项。正文三。
            牵头单位：省科技厅
            """);

        Assert.Equal("kj-330000", policy.Measures[2].Lead?.AgencyId);
    }

    [Fact]
    public void Parse_NoticeWithItsOwnNumberedPointsBeforeTheAttachedPlan_ReadsOnlyThePlanAsMeasures()
    {
        var policy = Parse("""
            关于印发《推进数字人才培养实施方案》的通知
            各市、县（市、区）人民政府，省政府直属各单位：
            现将《推进数字人才培养实施方案》印发给你们，请认真贯彻落实。
            一、高度重视。各地各部门要加强组织领导。
            二、压实责任。各牵头单位要制定推进方案。
            浙江省人民政府办公厅
            2024年3月1日
            推进数字人才培养实施方案
            一、重点任务
            1. 建设实训基地。支持企业建设数字技能实训基地。（省人力社保厅牵头，省经信厅配合）
            2. 开展订单培养。推动校企合作。（省教育厅负责）
            二、保障措施
            各地要加强经费保障，确保任务落实。
            """);

        Assert.Equal(["1.", "2."], policy.Measures.Select(m => m.Label));
        Assert.Equal(["一、", "二、", "一、", "二、"], policy.NonMeasures.Select(n => n.Label));
        Assert.Contains("印发通知", policy.NonMeasures[0].Reason, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2024, 3, 1), policy.PublishedOn);
        Assert.Equal([1, 1], policy.Measures.Select(m => m.SectionNumber));
        Assert.Equal(["重点任务", "保障措施"], policy.Sections.Select(s => s.Title));
    }

    [Fact]
    public void Parse_LongLabelledListLine_DoesNotSwallowTheNextItem()
    {
        var policy = Parse("""
            1. 稳企业、防风险。扎实做好稳企业各项工作。
            牵头单位：省发展改革委、省经信厅、省财政厅、省商务厅、省地方金融监管局、省市场监管局、省科技厅、省人力社保厅
            2. 推进数字化转型。深化数字化改革。
            牵头单位：省经信厅
            """);

        Assert.Equal(["1.", "2."], policy.Measures.Select(m => m.Label));
        Assert.Equal(8, policy.Measures[0].Leads.Count);
    }

    [Fact]
    public void Parse_FullWidthNumbersAndAListOnTheHeadingLine_AreRead()
    {
        var policy = Parse("""
            一、总体要求
            到2025年，基本建成工作体系。
            二、重点任务
            （一）加强组织领导（省经信厅负责）
            建立工作专班，定期调度。
            （二）强化要素保障
            １．加大资金投入。统筹专项资金。（省财政厅负责；完成时限：2025年底前）
            ２．保障用地需求。优先保障重点项目用地。（省自然资源厅负责）
            """);

        Assert.Equal(["（一）", "1.", "2."], policy.Measures.Select(m => m.Label));
        Assert.Equal(["jx-330000", "cz-330000", null], policy.Measures.Select(m => m.Lead?.AgencyId));
        Assert.Equal(["一、", "二、", "（二）"], policy.NonMeasures.Select(n => n.Label));
    }

    [Fact]
    public void Parse_ListThatNeverClosesInAnItemWithoutAnyOtherList_IsRefusedAsTruncated()
    {
        var ex = Assert.Throws<PolicyFormatException>(() => Parse(
            "关于支持某项工作的若干措施\n\n一、总体要求\n\n（一）加强组织领导\n建立工作机制，明确责任分工。（省经信厅、省委人才办\n\n（二）强化要素保障\n加大"));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("没有闭合", ex.Message, StringComparison.Ordinal);
    }
}
