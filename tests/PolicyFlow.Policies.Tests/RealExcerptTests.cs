using PolicyFlow.Policies;

namespace PolicyFlow.Policies.Tests;

/// <summary>Conventions shown on excerpts quoted from real public documents outside the corpus (source in each constant).</summary>
public class RealExcerptTests
{
    // 淮安市《关于进一步帮助市场主体纾困解难着力稳定经济增长的具体实施细则》, items 1 and 2 (jxyuer.com/news/jiaodian/166873.html).
    private const string HuaiAn = """
        一、落实财税支持政策
        1.积极争取省级专项资金，支持生产经营暂时面临困难但产品有市场、项目有前景、技术有竞争力的中小微企业，以及劳动力密集、社会效益高的民生领域服务型中小微企业。整合市工信、科技、市场监管、地方金融监管等部门涉企资金，设立2.43亿元推动工业强市发展专项引导资金，出台管理办法，发布项目申报指南，重点鼓励企业扩大投资和科技创新，对存量企业实施的技改项目、新招引重点产业和先进制造业集群项目，规模以上企业、高新技术企业、上市企业、专精特新“小巨人”企业、绿色制造企业培育等方面给予扶持。(责任单位：市工信局、市财政局等有关部门，各县区人民政府、园区管委会。以下政策措施均需各县区人民政府、园区管委会落实，不再单独列出)
        2.成立“智改数转”工作专班，出台《淮安市制造业智能化改造和数字化转型三年行动计划(2022-2024)》和2022年“智改数转”工作推进方案，积极争取省工业企业“智改数转”专项资金。开展企业上云培训对接和咨询诊断活动，对符合条件的企业上云和工业互联网等“智改数转”项目予以奖补，每年培育星级上云企业50家。(责任单位：市工信局、市财政局)
        """;

    // 石家庄市人民政府《关于促进居民收入增长的实施意见》, up to its first measure (sjz.gov.cn, 2017-06-02).
    private const string Shijiazhuang = """
        一、总体目标
        到2018年全市居民人均可支配收入比2010年实现翻一番，城镇居民人均可支配收入达到36600元以上，农民人均纯收入达到13200元以上，年均增幅在9%以上。
        二、主要任务
        (一)实施扩大就业工程，力促居民收入加快增长
        1.完善政策体系扶持就业。进一步强化政府促进就业的工作责任，把促进就业放在经济社会发展优先位置，依托工程推进、重大项目和城镇建设挖掘就业岗位，研究制定更加有利于促进就业的政策措施，形成短期与长期衔接、重点与全局兼顾、分类促进的政策体系。实行更加有利于促进就业的产业、贸易、财政、税收及金融政策，增加就业岗位、扩大就业总量，改善就业结构、提升就业质量，力促每年全市新增就业人数9万人以上，城镇登记失业率控制在4.5%以内。(市人社局牵头，市发改委、财政局、商务局、金融办、工商局、地税局负责)
        """;

    private static PolicyPreview Parse(string text) =>
        PolicyDocumentParser.Parse(text, TestCatalog.Instance, new PolicyParseOptions { AllowIncomplete = true });

    [Fact]
    public void Parse_StandingLocalRuleStatedOnceInARealList_AppliesToTheMeasuresAfterIt()
    {
        var measures = Parse(HuaiAn).Measures;

        Assert.Equal(["1.", "2."], measures.Select(m => m.Label));
        Assert.Equal("市工信局", measures[0].Lead?.WrittenName);
        Assert.Equal(["市财政局"], measures[0].CoAgencies.Select(a => a.WrittenName));
        Assert.True(measures[0].OpenEnded);
        Assert.Equal(["各县区人民政府", "园区管委会"], measures[0].LocalGovernments);
        Assert.Empty(measures[0].SpecialParties);
        Assert.Empty(measures[1].LocalGovernments);
        Assert.All(measures, m => Assert.True(m.LocalImplementation));
        Assert.Contains("(2022-2024)", measures[1].Body.Replace('（', '(').Replace('）', ')'), StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_LeadMarkedQiantouBeforeAListEndingInFuze_IsTheLeadAndTheRestAreCoAgencies()
    {
        var policy = Parse(Shijiazhuang);
        var measure = Assert.Single(policy.Measures);

        Assert.Equal("1.", measure.Label);
        Assert.Equal(["市人社局"], measure.Leads.Select(a => a.WrittenName));
        Assert.Equal(["市发改委", "财政局", "商务局", "金融办", "工商局", "地税局"], measure.CoAgencies.Select(a => a.WrittenName));
        Assert.Equal(["牵头", "负责"], measure.Roles);
        Assert.Contains(policy.NonMeasures, n => n.Label == "一、" && n.Reason.Contains("目标", StringComparison.Ordinal));
    }
}
