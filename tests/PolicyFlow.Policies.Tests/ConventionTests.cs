using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

/// <summary>The drafting conventions of Chinese policy documents, each shown on a real document of the corpus.</summary>
public class ConventionTests
{
    private static PolicyPreview Corpus(string slug) => PolicyDocumentParser.Parse(CorpusDocument.ReadText(slug), TestCatalog.Instance);

    private static string[] Written(IEnumerable<AgencyRef> refs) => [.. refs.Select(r => r.WrittenName)];

    [Fact]
    public void Parse_ThreeLevelsWithListsAtTheArabicLevel_TakesTheArabicItemsAsMeasures()
    {
        var policy = Corpus("xining-liutongye-shishiyijian");

        Assert.Equal(["1."], policy.Measures.Select(m => m.Label));
        Assert.Equal(["一、", "二、", "（一）"], policy.NonMeasures.Select(n => n.Label));
        Assert.Equal("提高流通管理部门管理效能", policy.Measures[0].Title);
    }

    [Fact]
    public void Parse_ItemsNumberedStraightThroughAcrossChapters_KeepsTheirNumbersAndChapters()
    {
        var policy = Corpus("guobanfa-2018-129");

        Assert.Equal(17, policy.Measures.Count);
        Assert.Equal("（十七）", policy.Measures[^1].Label);
        Assert.Equal([1, 2, 3, 4, 5, 6], policy.Sections.Select(s => s.Number));
        Assert.Equal(6, policy.Measures[^1].SectionNumber);
    }

    [Fact]
    public void Parse_ChapterHeadingsOverArabicMeasures_NumbersMeasuresThroughTheChapters()
    {
        var policy = Corpus("kunming-guandu-2016-wenzengzhang");

        Assert.Equal(["1.", "2.", "3.", "4."], policy.Measures.Select(m => m.Label));
        Assert.Equal([1, 1, 1, 2], policy.Measures.Select(m => m.SectionNumber));
    }

    [Fact]
    public void Parse_GuidingIdeologyPrinciplesAndTargets_AreNotMeasuresAndSayWhy()
    {
        var items = Corpus("guobanfa-2018-121").NonMeasures.Where(n => n.Label.StartsWith('（')).ToList();

        Assert.Equal(["（一）", "（二）", "（三）"], items.Select(n => n.Label));
        Assert.Contains("指导思想", items[0].Reason, StringComparison.Ordinal);
        Assert.Contains("原则", items[1].Reason, StringComparison.Ordinal);
        Assert.Contains("目标", items[2].Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ChapterHeading_IsNotAMeasureAndNamesItsMeasures()
    {
        var heading = Corpus("guobanfa-2018-121").NonMeasures.Single(n => n.Label == "二、");

        Assert.Contains("（四）至（八）", heading.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeveralAgencyTaggedTasksInOneItem_MakesEachItsOwnMeasure()
    {
        var tasks = Corpus("guobanfa-2018-121").Measures.Where(m => m.NumberText == "（十）").ToList();

        Assert.Equal(["（十）1", "（十）2", "（十）3"], tasks.Select(m => m.Label));
        Assert.Equal(["市场监管总局", "体育总局", "体育总局"], tasks.Select(m => m.Lead?.WrittenName));
        Assert.Equal(["网信办", "科技部", "工业和信息化部"], Written(tasks[2].CoAgencies));
        Assert.All(tasks, t => Assert.Equal("鼓励创新创业", t.Title));
        Assert.StartsWith("加强体育产业创新创业教育服务", tasks[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_OpenEndedListWithProvincialGovernments_FlagsItAndKeepsTheGovernmentsAsParties()
    {
        var measure = Corpus("guobanfa-2018-129").Measures[1];

        Assert.Equal("扶贫办", measure.Lead?.WrittenName);
        Assert.Equal(["发展改革委", "人力资源社会保障部", "商务部"], Written(measure.CoAgencies));
        Assert.True(measure.OpenEnded);
        Assert.Equal(["各有关省级人民政府"], measure.LocalGovernments);
        Assert.DoesNotContain(measure.CoAgencies, a => a.WrittenName.Contains('等', StringComparison.Ordinal));
    }

    [Fact]
    public void Parse_TopLevelItemsWithNoHeadings_AreTheMeasures_AndABodyParenthesisNamingAnAgencyIsNotTheList()
    {
        var policy = Corpus("guobanfa-2018-117");

        Assert.Equal(["一、", "二、", "三、", "四、"], policy.Measures.Select(m => m.Label));
        Assert.Empty(policy.NonMeasures);
        Assert.Empty(policy.Sections);
        Assert.Equal(["市场监管总局", "商务部", "国家发展改革委", "国家发展改革委"], policy.Measures.Select(m => m.Lead?.WrittenName));
        Assert.All(policy.Measures, m => Assert.Empty(m.CoAgencies));
        // 三、 names 国家发展改革委 inside (企业直接向国家发展改革委申报,…) before its own list.
        Assert.Contains("企业直接向国家发展改革委申报", policy.Measures[2].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_QiantouFuze_AndEtcWithTheLevelWritten_ReadAsLeadAndOpenEndedList()
    {
        var policy = Corpus("guangdong-yuefuban-2023-5");

        Assert.Equal("省发展改革委", policy.Measures[0].Lead?.WrittenName);
        Assert.Empty(policy.Measures[0].CoAgencies);
        Assert.Contains("牵头", policy.Measures[0].Roles);
        var second = policy.Measures[1];
        Assert.Equal(["交通运输厅", "水利厅", "住房城乡建设厅", "能源局"], Written(second.CoAgencies));
        Assert.True(second.OpenEnded);
        Assert.Equal(["各地级以上市人民政府"], second.LocalGovernments);
        Assert.Empty(second.SpecialParties);
    }

    [Fact]
    public void Parse_BareListEndingInFuze_TakesTheFirstListedAsLead()
    {
        var measure = Corpus("dongguan-dongfu-2021-54").Measures[0];

        Assert.Equal("市人力资源社会保障局", measure.Lead?.WrittenName);
        Assert.Equal(["市医保局", "市财政局", "市税务局"], Written(measure.CoAgencies));
        Assert.Equal(["负责"], measure.Roles);
    }

    [Fact]
    public void Parse_KeyValueListWithLocalGovernments_ReadsLeadCoAgencyAndParty()
    {
        var measure = Corpus("anhui-tudi-jieyue-jiyue").Measures.Single();

        Assert.Equal("省自然资源厅", measure.Lead?.WrittenName);
        Assert.Equal(["省住房城乡建设厅"], Written(measure.CoAgencies));
        Assert.Equal(["各市、县人民政府"], measure.LocalGovernments);
        Assert.True(measure.LocalImplementation);
    }

    [Fact]
    public void Parse_KeyValueKeysSeparatedOnlyBySpaces_AreStillTwoKeys()
    {
        var measure = Corpus("xining-liutongye-shishiyijian").Measures.Single();

        Assert.Equal("市商务局", measure.Lead?.WrittenName);
        Assert.Equal(["市编办", "市发改委", "市法制办"], Written(measure.CoAgencies));
        Assert.Equal(["各区县政府"], measure.LocalGovernments);
    }

    [Fact]
    public void Parse_LabelledLineWithoutBrackets_IsTheListAndEveryNameIsAJointLead()
    {
        var measure = Corpus("zhejiang-2020-gongzuobaogao-fenjie").Measures[1];

        Assert.Equal(["省委改革办", "省大数据局"], Written(measure.Leads));
        Assert.DoesNotContain("牵头单位", measure.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ExplicitJointLeadsWithUnnamedDepartmentsAndCounties_ReadsEachPart()
    {
        var measure = Corpus("xianyang-2022-fangguanfu").Measures.Single();

        Assert.Equal(["市政府办公室", "市行政审批制度改革工作领导小组办公室"], Written(measure.Leads));
        Assert.True(measure.OpenEnded);
        Assert.Equal(["各县市区政府"], measure.LocalGovernments);
        Assert.Contains("按职责分工负责", measure.Roles);
    }

    [Fact]
    public void Parse_QiantouPeiheWithDengBumen_IsOpenEndedWithStreetOfficesAsParty()
    {
        var measure = Corpus("kunming-guandu-2016-wenzengzhang").Measures[3];

        Assert.Equal("区发改局", measure.Lead?.WrittenName);
        Assert.Equal(["区财政局", "区交运局", "区经贸投促局", "区住建局", "区水务局", "区国投公司"], Written(measure.CoAgencies));
        Assert.True(measure.OpenEnded);
        Assert.Equal(["各街道办事处"], measure.LocalGovernments);
    }

    [Fact]
    public void Parse_HalfWidthBracketsAndNonListParentheses_KeepTheNotesInTheBody()
    {
        var measure = Corpus("kunming-guandu-2016-wenzengzhang").Measures[2];

        Assert.Equal("区环保局", measure.Lead?.WrittenName);
        Assert.Contains("（涉及水土保持项目）", measure.Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_StandingLeadRuleStatedOnce_TakesTheFirstListedAsLead()
    {
        var measure = Corpus("shaoguan-shaofu-2019-31").Measures.Single();

        Assert.Equal("市税务局", measure.Lead?.WrittenName);
        Assert.Equal(["市财政局"], Written(measure.CoAgencies));
    }

    [Fact]
    public void Parse_NoticeWithTheMeasuresAfterItsSignature_ReadsTheNoticeAndTheMeasures()
    {
        var policy = Corpus("zhejiang-2019-zhengbanfa-7");

        Assert.Equal("浙政办发〔2019〕7号", policy.DocumentNumber);
        Assert.Equal(new DateOnly(2019, 2, 19), policy.PublishedOn);
        Assert.Equal("政府工作报告重点工作责任分解", policy.Title);
        Assert.Single(policy.Measures);
    }

    [Fact]
    public void Parse_TitleOverTwoLines_JoinsIt()
    {
        Assert.Equal("国务院办公厅关于加快发展体育竞赛表演产业的指导意见", Corpus("guobanfa-2018-121").Title);
    }

    [Fact]
    public void Parse_HardWrappedPdfTextWithListsOnTheirOwnLine_ReadsEachMeasure()
    {
        var policy = Corpus("shengzhou-2022-gongye-zhengce");

        Assert.Equal(["（一）", "（二）"], policy.Measures.Select(m => m.Label));
        Assert.All(policy.Measures, m => Assert.Equal("市经信局", m.Lead?.WrittenName));
        Assert.EndsWith("一次性奖励企业50万元。", policy.Measures[1].Body, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NationalMinistries_SuggestTheProvincialCounterpartWithoutMappingIt()
    {
        var policy = Corpus("guobanfa-2018-121");
        var suggested = policy.MappingSuggestions.ToDictionary(s => s.WrittenName, s => s.AgencyId);

        Assert.Equal("rlsb-330000", suggested["人力资源社会保障部"]);
        Assert.Equal("jx-330000", suggested["工业和信息化部"]);
        Assert.Equal("cz-330000", suggested["财政部"]);
        Assert.Equal("jy-330000", suggested["教育部"]);
        Assert.False(suggested.ContainsKey("体育总局"));
        Assert.All(policy.Measures.SelectMany(m => m.CoAgencies.Prepend(m.Lead)).OfType<AgencyRef>(), a => Assert.False(a.IsKnown));
    }
}
