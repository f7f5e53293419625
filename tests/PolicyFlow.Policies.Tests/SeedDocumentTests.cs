using System.Text;
using PolicyFlow.Policies;
using PolicyFlow.Testing;

namespace PolicyFlow.Policies.Tests;

/// <summary>The seed 浙经信人事〔2024〕151号, checked against a table written by reading the document.</summary>
public class SeedDocumentTests
{
    private const string SeedFile = "000_9d0174e1f3b2ba58.txt";
    private const string Jx = "浙江省经济和信息化厅";
    private const string Rcb = "中共浙江省委人才工作领导小组办公室";
    private const string Rlsb = "浙江省人力资源和社会保障厅";
    private const string Kj = "浙江省科学技术厅";
    private const string Fgw = "浙江省发展和改革委员会";
    private const string Jy = "浙江省教育厅";
    private const string Cz = "浙江省财政厅";
    private const string Kx = "浙江省科学技术协会";
    private const string Zgh = "浙江省总工会";
    private const string Xc = "中共浙江省委宣传部";
    private const string Tz = "中共浙江省委统一战线工作部";

    private static readonly PolicyPreview Seed = PolicyDocumentParser.Parse(SeedFiles.Read(SeedFile), TestCatalog.Instance);

    // number, 编号, section, title, lead, co-agencies (、-joined, document order), special parties
    public static TheoryData<int, string, int, string, string, string, string> Measures => new()
    {
        { 1, "（一）", 1, "将工信领域卓越工程师与省级认定体系融合接轨", Jx, Rcb, "" },
        { 2, "（二）", 1, "将卓越工程师纳入地方高层次人才目录", Rcb, $"{Jx}、{Rlsb}", "" },
        { 3, "（三）", 1, "推进卓越工程师评价与职称评审接轨", Rlsb, Jx, "" },
        { 4, "（四）", 2, "统筹支持国家卓越工程师实践基地建设", Jx, $"{Rcb}、{Rlsb}", "国家基地所在地" },
        { 5, "（五）", 2, "加强省级平台建设和协同联动", Jx, $"{Rcb}、{Rlsb}", "" },
        { 6, "（六）", 2, "加强对卓越工程师所在企业支持力度", Jx, "", "" },
        { 7, "（七）", 2, "支持卓越工程师承担产业攻关和科研项目", Kj, $"{Fgw}、{Jx}、{Jy}、{Cz}", "" },
        { 8, "（八）", 3, "促进卓越工程师合作交流", Jx, $"{Rlsb}、{Kx}、{Zgh}", "" },
        { 9, "（九）", 3, "加强卓越工程师作用发挥", Jx, $"{Rcb}、{Jy}、{Rlsb}、{Fgw}", "" },
        { 10, "（十）", 3, "加强卓越工程师文化宣传推广", Jx, $"{Xc}、{Tz}、{Rcb}、{Rlsb}、{Zgh}、{Kx}", "" },
    };

    [Fact]
    public void Parse_Seed_YieldsTenMeasuresMatchingTheDocument()
    {
        Assert.Equal(Enumerable.Range(1, 10), Seed.Measures.Select(m => m.Number));
        Assert.All(Seed.Measures, m => Assert.True(m.Lead?.IsKnown));
        Assert.All(Seed.Measures.SelectMany(m => m.CoAgencies), a => Assert.True(a.IsKnown));
    }

    [Theory]
    [MemberData(nameof(Measures))]
    public void Parse_Seed_MeasureHasTheTitleLeadAndCoAgenciesTheDocumentLists(
        int number, string numberText, int section, string title, string lead, string coAgencies, string specialParties)
    {
        var measure = Seed.Measures[number - 1];

        Assert.Equal(numberText, measure.NumberText);
        Assert.Equal(section, measure.SectionNumber);
        Assert.Equal(title, measure.Title);
        Assert.Equal(lead, measure.Lead?.AgencyName);
        Assert.Equal(coAgencies, string.Join("、", measure.CoAgencies.Select(a => a.AgencyName)));
        Assert.Equal(specialParties, string.Join("、", measure.SpecialParties));
        Assert.True(measure.LocalImplementation, "以下均需各市、县〔市、区〕落实 in （一） covers every measure from there on");
    }

    [Fact]
    public void Parse_Seed_ReadsTheThreeSections()
    {
        Assert.Equal(
            ["一、贯通人才评价体系", "二、加大平台支持力度", "三、加强合作交流和作用发挥"],
            Seed.Sections.Select(s => s.NumberText + s.Title));
        Assert.Equal("加大平台支持力度", Seed.Measures[6].SectionTitle);
    }

    [Fact]
    public void Parse_Seed_ReadsDocumentNumberTitleAndIssuers()
    {
        Assert.Equal("浙经信人事〔2024〕151号", Seed.DocumentNumber);
        Assert.Equal("关于支持卓越工程师队伍建设的若干政策措施（试行）", Seed.Title);
        Assert.EndsWith("关于印发《关于支持卓越工程师队伍建设的若干政策措施（试行）》的通知", Seed.NoticeTitle, StringComparison.Ordinal);
        Assert.Equal([Jx, Rcb, Rlsb], Seed.Issuers.Select(i => i.AgencyName));
        Assert.Equal(["jx-330000", "rcb-330000", "rlsb-330000"], Seed.Issuers.Select(i => i.AgencyId));
    }

    [Fact]
    public void Parse_Seed_IsPublishedOnTheSigningDateAndEffectiveThirtyDaysLater()
    {
        Assert.Equal(new DateOnly(2024, 7, 22), Seed.PublishedOn);
        Assert.Equal("自公布之日起30日后施行", Seed.EffectiveRule);
        Assert.Equal(new DateOnly(2024, 8, 21), Seed.EffectiveOn);
    }

    [Fact]
    public void Parse_Seed_JoinsBodiesThatPdfExtractionBrokeMidSentence()
    {
        Assert.Contains("将工信领域数字卓越工程师与省级卓越工程师认定体系融合接轨。", Seed.Measures[0].Body, StringComparison.Ordinal);
        Assert.Contains("“链主”企业、企业科技研发机构评定", Seed.Measures[5].Body, StringComparison.Ordinal);
        Assert.Contains("校企合作等工作中", Seed.Measures[8].Body, StringComparison.Ordinal);
        Assert.All(Seed.Measures, m => Assert.DoesNotContain('\n', m.Body));
    }

    [Fact]
    public void Parse_Seed_KeepsBodiesWithoutAgencyListsOrClosingText()
    {
        Assert.EndsWith("纳入首台（套）评价体系。", Seed.Measures[5].Body, StringComparison.Ordinal);
        Assert.Contains("（以下简称“国家基地”）", Seed.Measures[3].Body, StringComparison.Ordinal);
        Assert.EndsWith("营造崇尚工程师、尊重工程人才的良好氛围。", Seed.Measures[9].Body, StringComparison.Ordinal);
        Assert.StartsWith("省经信厅、省委人才办，列第一位的为牵头单位。以下均需各市、县〔市、区〕落实", Seed.Measures[0].AgencyListText, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_Seed_ResolvesAllThreeSpellingsOfTheHumanResourcesDepartment()
    {
        var written = Seed.Measures.SelectMany(m => m.CoAgencies.Prepend(m.Lead!))
            .Where(a => a.AgencyId == "rlsb-330000")
            .Select(a => a.WrittenName)
            .Distinct()
            .Order(StringComparer.Ordinal);

        Assert.Equal(["省人力社保厅", "省人社保厅", "省人社厅"], written);
    }

    [Fact]
    public void Parse_Seed_WarnsOnlyAboutTheSpecialParty()
    {
        var warning = Assert.Single(Seed.Warnings);
        Assert.Contains("（四）", warning, StringComparison.Ordinal);
        Assert.Contains("国家基地所在地", warning, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_SeedAsUtf8BytesWithByteOrderMark_EqualsParsingTheText()
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(File.ReadAllBytes(SeedFiles.Path(SeedFile))).ToArray();

        var fromBytes = PolicyDocumentParser.Parse(bytes, TestCatalog.Instance);

        Assert.Equal(Seed.Measures, fromBytes.Measures, MeasureComparer);
        Assert.Equal(Seed.DocumentNumber, fromBytes.DocumentNumber);
    }

    [Fact]
    public async Task ParseAsync_SeedStream_EqualsParsingTheText()
    {
        await using var stream = File.OpenRead(SeedFiles.Path(SeedFile));

        var fromStream = await PolicyDocumentParser.ParseAsync(stream, TestCatalog.Instance);

        Assert.Equal(Seed.Measures, fromStream.Measures, MeasureComparer);
    }

    [Fact]
    public void Parse_SeedWithWindowsLineEndingsIndentsAndHalfWidthPunctuation_YieldsTheSameMeasures()
    {
        var variant = string.Join("\r\n", SeedFiles.Read(SeedFile).Split('\n').Select(l => "\u3000\u3000" + l))
            .Replace('（', '(').Replace('）', ')').Replace('〔', '[').Replace('〕', ']').Replace('，', ',');

        var policy = PolicyDocumentParser.Parse(variant, TestCatalog.Instance);

        Assert.Equal(Seed.Measures, policy.Measures, MeasureComparer);
        Assert.Equal(Seed.DocumentNumber, policy.DocumentNumber);
        Assert.Equal(Seed.EffectiveOn, policy.EffectiveOn);
    }

    // Records compare lists by reference, so measures are compared by what they say.
    private static readonly IEqualityComparer<MeasurePreview> MeasureComparer = EqualityComparer<MeasurePreview>.Create(
        (a, b) => a!.NumberText == b!.NumberText && a.Title == b.Title && a.Body == b.Body && a.Lead == b.Lead
            && a.CoAgencies.SequenceEqual(b.CoAgencies) && a.SpecialParties.SequenceEqual(b.SpecialParties)
            && a.LocalImplementation == b.LocalImplementation,
        m => m.Number);
}
