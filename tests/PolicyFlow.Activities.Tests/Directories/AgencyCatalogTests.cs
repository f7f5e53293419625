using PolicyFlow.Directories;

namespace PolicyFlow.Activities.Tests.Directories;

public class AgencyCatalogTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.LoadEmbedded();
    private static readonly AgencyCatalog Catalog = AgencyCatalog.Build(Regions);

    [Fact]
    public void Build_CreatesEveryKindInEveryRegionWithUniqueIds()
    {
        Assert.Equal(Catalog.Kinds.Count * 102, Catalog.All.Count);
        Assert.Equal(Catalog.All.Count, Catalog.All.Select(a => a.Id).Distinct().Count());
        foreach (var code in new[] { "jx", "rcb", "rlsb", "kj", "fgw", "jy", "cz", "kx", "zgh", "xc", "tz" })
        {
            Assert.Contains(Catalog.Kinds, k => k.Code == code);
        }
    }

    [Theory]
    [InlineData("jx", "浙江省经济和信息化厅")]
    [InlineData("rcb", "中共浙江省委人才工作领导小组办公室")]
    [InlineData("rlsb", "浙江省人力资源和社会保障厅")]
    [InlineData("kj", "浙江省科学技术厅")]
    [InlineData("fgw", "浙江省发展和改革委员会")]
    [InlineData("jy", "浙江省教育厅")]
    [InlineData("cz", "浙江省财政厅")]
    [InlineData("kx", "浙江省科学技术协会")]
    [InlineData("zgh", "浙江省总工会")]
    [InlineData("xc", "中共浙江省委宣传部")]
    [InlineData("tz", "中共浙江省委统一战线工作部")]
    public void Counterpart_InTheProvince_IsNamedInFull(string kind, string name)
    {
        Assert.Equal(name, Catalog.Counterpart(kind, "330000")?.Name);
    }

    [Theory]
    [InlineData("jx", "杭州市经信局", "上城区经信局")]
    [InlineData("rcb", "杭州市委人才办", "上城区委人才办")]
    [InlineData("rlsb", "杭州市人力社保局", "上城区人力社保局")]
    [InlineData("kj", "杭州市科技局", "上城区科技局")]
    [InlineData("fgw", "杭州市发展改革委", "上城区发展改革局")]
    [InlineData("jy", "杭州市教育局", "上城区教育局")]
    [InlineData("cz", "杭州市财政局", "上城区财政局")]
    [InlineData("kx", "杭州市科协", "上城区科协")]
    [InlineData("zgh", "杭州市总工会", "上城区总工会")]
    [InlineData("xc", "杭州市委宣传部", "上城区委宣传部")]
    [InlineData("tz", "杭州市委统战部", "上城区委统战部")]
    public void Counterpart_InHangzhouAndShangcheng_UsesTheConventionalLocalName(string kind, string city, string county)
    {
        Assert.Equal(city, Catalog.Counterpart(kind, "330100")?.Name);
        Assert.Equal(county, Catalog.Counterpart(kind, "330102")?.Name);
    }

    [Theory]
    [InlineData("330127", "淳安县经信局")]
    [InlineData("330182", "建德市经信局")]
    [InlineData("331127", "景宁畲族自治县经信局")]
    public void Counterpart_InACountyOrCountyLevelCity_UsesTheRegionsOwnName(string region, string name)
    {
        Assert.Equal(name, Catalog.Counterpart("jx", region)?.Name);
    }

    [Fact]
    public void Counterpart_OfJingxinInShangcheng_IsItsIdAndPlaceholderEmail()
    {
        var agency = Catalog.Counterpart("jx", "330102");

        Assert.NotNull(agency);
        Assert.Equal("jx-330102", agency.Id);
        Assert.Equal("330102", agency.RegionCode);
        Assert.Equal("jx", agency.KindCode);
        Assert.Equal("jx-330102@agencies.policyflow.local", agency.Email);
        Assert.Same(agency, Catalog.Find("jx-330102"));
    }

    [Theory]
    [InlineData("省人力社保厅")]
    [InlineData("省人社厅")]
    [InlineData("省人社保厅")]
    [InlineData("浙江省人力资源和社会保障厅")]
    [InlineData(" 省 人社厅\u3000")]
    [InlineData("浙江省人力资源和社会保障厅\t")]
    public void Resolve_EveryNameOfTheHumanResourcesDepartment_FindsIt(string written)
    {
        Assert.Equal("浙江省人力资源和社会保障厅", Catalog.Resolve(written)?.Name);
    }

    [Theory]
    [InlineData("省发展改革委", "fgw-330000")]
    [InlineData("省发改委", "fgw-330000")]
    [InlineData("省委人才办", "rcb-330000")]
    [InlineData("省科协", "kx-330000")]
    [InlineData("杭州市人社局", "rlsb-330100")]
    [InlineData("杭州市经济和信息化局", "jx-330100")]
    [InlineData("中共上城区委人才工作领导小组办公室", "rcb-330102")]
    [InlineData("淳安县发改局", "fgw-330127")]
    [InlineData("省经济和信息化厅", "jx-330000")]
    [InlineData("省委统一战线工作部", "tz-330000")]
    [InlineData("浙江省委人才工作领导小组办公室", "rcb-330000")]
    public void Resolve_AbbreviationOrFullForm_FindsTheAgency(string written, string id)
    {
        Assert.Equal(id, Catalog.Resolve(written)?.Id);
    }

    [Theory]
    [InlineData("人社部")]
    [InlineData("财政部")]
    [InlineData("国家基地所在地")]
    [InlineData("")]
    public void Resolve_NameOfNoZhejiangAgency_ReturnsNull(string written)
    {
        Assert.Null(Catalog.Resolve(written));
    }

    [Fact]
    public void Find_UnknownId_ReturnsNull()
    {
        Assert.Null(Catalog.Find("jx-999999"));
        Assert.Null(Catalog.Counterpart("nope", "330000"));
    }
}
