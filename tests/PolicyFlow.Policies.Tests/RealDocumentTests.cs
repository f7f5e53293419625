using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

/// <summary>Conventions of issue 12 on corpus documents, beyond what <see cref="CorpusTests"/> scores (sources in Corpus/README.md).</summary>
public class RealDocumentTests
{
    private static PolicyPreview Parse(string slug) => PolicyDocumentParser.Parse(CorpusDocument.ReadText(slug), TestCatalog.Instance);

    private static (PolicyPreview Policy, MeasurePreview Measure) ParseSingle(string slug)
    {
        var policy = Parse(slug);
        return (policy, Assert.Single(policy.Measures));
    }

    [Fact]
    public void Parse_DepartmentDivisionLineUnderALeaderLine_ReadsTheLeadAndNamesNoPersonAsAgency()
    {
        var policy = Parse("guangdong-yuefu-2021-22");

        Assert.Equal("广东省人民政府关于印发2021年省《政府工作报告》重点任务分工方案的通知", policy.NoticeTitle);
        Assert.Equal(["省发展改革委", "省财政厅", "省发展改革委", "省商务厅"], policy.Measures.Select(m => m.Lead?.WrittenName));
        var first = policy.Measures[0];
        Assert.Empty(first.CoAgencies);
        Assert.Equal(["各地"], first.LocalGovernments);
        Assert.True(first.OpenEnded);
        Assert.Empty(first.SpecialParties);
        Assert.Equal(["牵头", "配合"], first.Roles);
        Assert.Contains("分管省领导：林克庆", first.Body, StringComparison.Ordinal);
        Assert.DoesNotContain(policy.Warnings, w => w.Contains("林克庆", StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_ListInTortoiseShellBracketsWithAStandingLocalRule_CascadesFromThereOn()
    {
        var measures = Parse("sichuan-2022-xiandai-liutong").Measures;

        Assert.Equal(["（一）", "（二）"], measures.Select(m => m.Label));
        Assert.Equal(["省市场监管局", "商务厅", "省大数据中心"], measures[0].CoAgencies.Select(a => a.WrittenName));
        Assert.Equal("省市场监管局", measures[1].Lead?.WrittenName);
        Assert.All(measures, m =>
        {
            Assert.True(m.LocalImplementation);
            Assert.Empty(m.LocalGovernments);
            Assert.Empty(m.SpecialParties);
        });
        Assert.Contains("“食品经营许可”（预包装食品）", measures[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeadAndResponsibleKeysOnLinesOfTheirOwn_AreOneListPerTarget()
    {
        var measures = Parse("anshan-lishan-2023-2").Measures;

        Assert.Equal(["1.", "2.", "3.", "4.", "5.", "6."], measures.Select(m => m.Label));
        Assert.All(measures, m => Assert.StartsWith("牵头单位：", m.AgencyListText, StringComparison.Ordinal));
        Assert.Equal(["立山经济开发区", "各街道"], measures[2].LocalGovernments);
        Assert.True(measures[2].OpenEnded);
        Assert.Equal(["区市场局"], measures[3].CoAgencies.Select(a => a.WrittenName));
        Assert.Equal(["全区经济运行各专班"], measures[0].SpecialParties);
    }

    [Fact]
    public void Parse_ListClosingAGroupOfSubItemsAndNamingNoDepartment_IsTheParentsWithNoLead()
    {
        var (policy, measure) = ParseSingle("yuncheng-2017-yingji-fenjie");

        Assert.Equal("运城市突发事件应急体系建设“十三五”规划责任分解", policy.Title);
        Assert.Equal("1.", measure.Label);
        Assert.Equal("完善应急预案体系", measure.Title);
        AssertNamesNoDepartment(policy, measure);
        Assert.Equal(["各县（市、区）人民政府", "各开发区管委会"], measure.LocalGovernments);
        Assert.Contains("（1）加强应急预案管理", measure.Body, StringComparison.Ordinal);
        Assert.Contains("（4）加强应急预案的培训宣传", measure.Body, StringComparison.Ordinal);
        Assert.Equal(["（一）"], policy.NonMeasures.Select(n => n.Label));
    }

    [Fact]
    public void Parse_LeadingAndCooperatingKeyLines_EndInOneOpenEndedListWithTheLocalPhraseWhole()
    {
        var measures = Parse("chuzhou-2020-zhongdian-gongzuo").Measures;

        Assert.Equal(3, measures.Count);
        Assert.All(measures, m =>
        {
            Assert.True(m.OpenEnded);
            Assert.Equal(["滁州经开区管委会", "中新苏滁高新区管委会", "各县、市、区政府"], m.LocalGovernments);
            Assert.Empty(m.SpecialParties);
            Assert.Contains("牵头负责领导：金力。", m.Body, StringComparison.Ordinal);
        });
        Assert.Equal(["市税务局", "滁州海关", "市人行"], measures[1].CoAgencies.Select(a => a.WrittenName));
    }

    [Fact]
    public void Parse_CooperatingKeyNamingOnlyAllDepartments_HasNoCoAgencyAndIsOpenEnded()
    {
        var first = Parse("fuyang-fuzhengfa-2019-16").Measures[0];

        Assert.Equal("市发展改革委", first.Lead?.WrittenName);
        Assert.Empty(first.CoAgencies);
        Assert.Empty(first.SpecialParties);
        Assert.True(first.OpenEnded);
    }

    [Fact]
    public void Parse_BothKeysInOneBracketSeparatedByAComma_ReadsLeadAndCoAgencies()
    {
        var measure = Assert.Single(Parse("xuancheng-2019-minsheng-yaodian").Measures);

        Assert.Equal(["市人社局"], measure.Leads.Select(a => a.WrittenName));
        Assert.Equal(["市退役军人事务局", "市农业农村局"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.False(measure.OpenEnded);
    }

    [Fact]
    public void Parse_NamesMarkedQiantouBeforeTheOthersAndTheRuleStatedInABracket_AreJointLeadsAndTheRuleNamesNoOne()
    {
        var measures = Parse("zhejiang-2024-gongzuobaogao-fenjie").Measures;

        Assert.Equal(["省政府办公厅", "省财政厅"], measures[1].Leads.Select(a => a.WrittenName));
        Assert.Equal("省政府办公厅", measures[1].Lead?.WrittenName);
        Assert.Equal(["省财政厅", "省商务厅", "省文化广电和旅游厅"], measures[1].CoAgencies.Select(a => a.WrittenName));
        Assert.Empty(measures[1].SpecialParties);
        Assert.Equal(["省财政厅"], measures[2].Leads.Select(a => a.WrittenName));
        Assert.Equal(["省发展改革委"], measures[2].CoAgencies.Select(a => a.WrittenName));
    }

    [Fact]
    public void Parse_StandingRuleThatOtherDepartmentsAndUnitsTakePart_IsOpenEndedAndNamesNoOneForIt()
    {
        var (policy, measure) = ParseSingle("guozhongyiyao-2017-zhanlue-fengong");

        Assert.Equal("1.", measure.Label);
        // 列第一位者为牵头部门或单位: no name is marked 牵头, so the first listed leads.
        Assert.Equal(["国家中医药局"], measure.Leads.Select(a => a.WrittenName));
        Assert.Equal(["国家发展改革委", "国家卫生计生委", "中央军委后勤保障部卫生局"], measure.CoAgencies.Select(a => a.WrittenName));
        // 其他有关部门和单位按职责分工负责，下同: a class of departments and units, none of them named.
        Assert.True(measure.OpenEnded);
        Assert.Empty(measure.LocalGovernments);
        Assert.Empty(measure.SpecialParties);
        Assert.Equal(["负责", "按职责分工负责"], measure.Roles);
        Assert.StartsWith("国家中医药局、国家发展改革委", measure.AgencyListText, StringComparison.Ordinal);
        Assert.Equal(["一、", "（一）"], policy.NonMeasures.Select(n => n.Label));
        Assert.Empty(policy.RelativeDates);
        // The office signs with 国家中医药管理局's seal: the note under its name is part of the signature, not a title.
        Assert.Equal(new DateOnly(2017, 2, 10), policy.PublishedOn);
        Assert.Equal(["国务院中医药工作部际联席会议办公室"], policy.Issuers.Select(i => i.WrittenName));
        Assert.Equal("中医药发展战略规划纲要（2016—2030年）实施分工方案", policy.Title);
    }

    [Fact]
    public void Parse_CompletionTermBesideALeadKeyInEveryList_IsWhenAndTheKeyMarksTheLeads()
    {
        var policy = Parse("baotou-baofuban-2022-43");
        var measures = policy.Measures;

        Assert.Equal("包府办发〔2022〕43号", policy.DocumentNumber);
        // The 办法's own title, not its 附件's (附件 and the 办法's numbered lines are never part of a title block).
        Assert.Equal("包头市2022年数字政府建设考评办法", policy.Title);
        Assert.Equal(new DateOnly(2022, 4, 14), policy.PublishedOn);
        Assert.Equal(Enumerable.Range(1, 90).Select(n => n + "."), measures.Select(m => m.Label));
        // （5月底取得明显成效并持续推进，牵头考核单位：市审批服务局）: the term says when; the key names the lead.
        Assert.Equal("5月底取得明显成效并持续推进，牵头考核单位：市审批服务局", measures[0].AgencyListText);
        Assert.Equal(["市审批服务局"], measures[0].Leads.Select(a => a.WrittenName));
        Assert.Equal(["市政府办公室", "市公安局"], measures[2].Leads.Select(a => a.WrittenName));
        Assert.Equal(["市财政局", "市发改委", "市政府金融办"], measures[86].Leads.Select(a => a.WrittenName));
        Assert.All(measures, m =>
        {
            Assert.NotEmpty(m.Leads);
            Assert.Empty(m.SpecialParties);
            Assert.Empty(m.LocalGovernments);
            Assert.False(m.OpenEnded);
            Assert.Equal(["牵头"], m.Roles);
        });
        // The points in a bracket just before the list, and a bracket with 、 and 等 that names no one, are body text.
        Assert.Contains("（0.5分）", measures[18].Body, StringComparison.Ordinal);
        Assert.Contains("（包括智慧城管、市政公用设施、园林绿化、地下管网等多行业）", measures[47].Body, StringComparison.Ordinal);
        // The 考评办法 before the attachment is prose: its items are not measures.
        Assert.Equal(["一、", "二、", "三、", "（一）", "（二）", "（三）", "（四）", "四、", "一、"], policy.NonMeasures.Take(9).Select(n => n.Label));
        Assert.Equal("政务服务“一网通办”（25分）", policy.NonMeasures[8].Title);
        Assert.Empty(policy.RelativeDates);
    }

    [Fact]
    public void Parse_GlossedAcronymAndScopeInBracketsBeforeTheList_AreBodyTextAndTheLastChaptersTasksAreAllMeasures()
    {
        var policy = Parse("anhui-wanzhengbanmi-2021-82");
        var measures = policy.Measures;

        Assert.Equal("皖政办秘〔2021〕82号", policy.DocumentNumber);
        Assert.Equal(
            ["一、1", "一、2", "二、1", "二、2", "二、3", "三、1", "三、2", "三、3", "四、", "五、1", "五、2", "六、", "七、", "八、1", "八、2", "八、3"],
            measures.Select(m => m.Label));
        // 微机电系统（MEMS） is glossed as 政府和社会资本合作（PPP） is; （含…等环节） is a scope, as （工程勘察除外） is.
        var chips = measures[8];
        Assert.Contains("微机电系统（MEMS）", chips.Body, StringComparison.Ordinal);
        Assert.Contains("（含材料、装备、工具软件、设计、制造、封装、测试、配套服务等环节）", chips.Body, StringComparison.Ordinal);
        Assert.Equal("省经济和信息化厅", chips.Lead?.WrittenName);
        Assert.Equal(["省财政厅"], chips.CoAgencies.Select(a => a.WrittenName));
        Assert.Empty(chips.SpecialParties);
        Assert.False(chips.OpenEnded);
        // 八、 holds three tasks on three paragraphs; the two paragraphs after them close the policy.
        Assert.Equal("省地方金融监管局", measures[^1].Lead?.WrittenName);
        Assert.Equal(["各市人民政府"], measures[^1].LocalGovernments);
        Assert.DoesNotContain("负责解释", measures[^1].Body, StringComparison.Ordinal);
        Assert.Equal("自2021年开始执行", policy.EffectiveRule);
        Assert.Null(policy.EffectiveOn);
    }

    [Fact]
    public void Parse_CooperatingByDutyAndClassesNamedThroughABody_AreCoAgenciesAndAnOpenList()
    {
        var policy = Parse("anhui-wankaifangban-2022-6");
        var measures = policy.Measures.ToDictionary(m => m.Label);

        Assert.Equal("皖开放办〔2022〕6号", policy.DocumentNumber);
        Assert.Equal(31, policy.Measures.Count);
        Assert.Equal(["1.1", "1.2", "1.3", "2."], policy.Measures.Take(4).Select(m => m.Label));
        // （合肥海关牵头，省贸促会、省商务厅按职责分工配合）
        Assert.Equal(["合肥海关"], measures["3."].Leads.Select(a => a.WrittenName));
        Assert.Equal(["省贸促会", "省商务厅"], measures["3."].CoAgencies.Select(a => a.WrittenName));
        Assert.Equal(["牵头", "按职责分工配合"], measures["3."].Roles);
        // The lead units, or the member units, of a named body: a class, none of its units named.
        Assert.Equal("省商务厅", measures["10."].Lead?.WrittenName);
        Assert.Empty(measures["10."].CoAgencies);
        Assert.True(measures["10."].OpenEnded);
        foreach (var label in new[] { "15.", "22." })
        {
            Assert.Null(measures[label].Lead);
            Assert.Empty(measures[label].CoAgencies);
            Assert.Empty(measures[label].SpecialParties);
            Assert.True(measures[label].OpenEnded);
        }
        Assert.Equal("中国出口信用保险公司安徽分公司", measures["20.2"].Lead?.WrittenName);
        Assert.Contains(policy.NonMeasures, n => n.Label == "三、" && n.Title == "保障措施");
    }

    [Fact]
    public void Parse_ListOfAllStateCouncilDepartmentsWithACompletionTerm_HasNoLeadAndNoPartyForTheTerm()
    {
        var (policy, measure) = ParseSingle("guofa-2020-6");

        Assert.Equal("国发〔2020〕6号", policy.DocumentNumber);
        Assert.Equal("国务院各部门分别负责，年内持续推进", measure.AgencyListText);
        AssertNamesNoDepartment(policy, measure);
        Assert.Empty(measure.SpecialParties);
    }

    [Fact]
    public void Parse_WholeOpinionWithNoAgencyList_ReportsItsOpeningAndSafeguardSectionsAsNotMeasures()
    {
        var policy = Parse("guobanfa-2018-123");

        Assert.Equal(new DateOnly(2018, 12, 7), policy.PublishedOn);
        Assert.Equal(["三、（一）", "三、（二）", "三、（三）", "四、（一）", "四、（二）", "四、（三）", "四、（四）"], policy.Measures.Select(m => m.Label));
        Assert.All(policy.Measures, m => Assert.Null(m.Lead));
        // 内容保障 is a task of a middle chapter: only the chapters before and after the tasks frame them.
        Assert.Equal("内容保障", policy.Measures[4].Title);
        var safeguards = policy.NonMeasures.Where(n => n.Label.StartsWith("五、", StringComparison.Ordinal)).ToList();
        Assert.Equal(["五、", "五、（一）", "五、（二）", "五、（三）"], safeguards.Select(n => n.Label));
        Assert.All(safeguards, n => Assert.StartsWith("保障措施", n.Reason, StringComparison.Ordinal));
        Assert.StartsWith("指导思想", Assert.Single(policy.NonMeasures, n => n.Label == "一、（一）").Reason, StringComparison.Ordinal);
        Assert.StartsWith("基本原则", Assert.Single(policy.NonMeasures, n => n.Label == "一、（三）").Reason, StringComparison.Ordinal);
        // 二、 is prose with no numbered item: not dropped, and the office is asked to look at it.
        Assert.Contains(policy.NonMeasures, n => n.Label == "二、" && n.Title == "明确工作职责");
        Assert.Contains(policy.Warnings, w => w.StartsWith("二、（第 16 行）没有责任单位", StringComparison.Ordinal));
        Assert.DoesNotContain("此件公开发布", policy.Measures[^1].Body, StringComparison.Ordinal);
        // A term glossed in brackets, as 政府和社会资本合作（PPP） is: body text, not a list.
        Assert.Contains("IPv6（互联网协议第6版）", policy.Measures[3].Body, StringComparison.Ordinal);
        Assert.Empty(policy.Measures[3].SpecialParties);
    }

    [Fact]
    public void Parse_WholeOpinionWithNoAgencyListCutInItsLastSafeguard_IsRefusedAsTruncated()
    {
        var text = CorpusDocument.ReadText("guobanfa-2018-123");
        var cut = text[..text.IndexOf("要严肃追责问责", StringComparison.Ordinal)];

        var ex = Assert.Throws<PolicyFormatException>(() => PolicyDocumentParser.Parse(cut, TestCatalog.Instance));

        Assert.Equal(PolicyFormatError.Truncated, ex.Error);
        Assert.Contains("五、（三）", ex.Message, StringComparison.Ordinal);
    }

    // No lead, no co-agency, more parties than named, and the office is asked to choose the lead.
    private static void AssertNamesNoDepartment(PolicyPreview policy, MeasurePreview measure)
    {
        Assert.Null(measure.Lead);
        Assert.Empty(measure.Leads);
        Assert.Empty(measure.CoAgencies);
        Assert.True(measure.OpenEnded);
        Assert.Contains(policy.Warnings, w => w.StartsWith(measure.Label + "：责任单位只列出地方或泛指部门", StringComparison.Ordinal));
    }
}
