using PolicyFlow.Testing;
using PolicyFlow.Directories;

namespace PolicyFlow.Activities.Tests.Directories;

public class RegionDirectoryTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.LoadEmbedded();

    [Fact]
    public void LoadEmbedded_HoldsTheProvinceElevenCitiesAndNinetyCounties()
    {
        Assert.Equal(102, Regions.All.Count);
        Assert.Equal(new Region("330000", "浙江省", RegionLevel.Province, null), Regions.Province);
        Assert.Equal(11, Regions.Cities.Count);
        Assert.Equal(90, Regions.All.Count(r => r.Level == RegionLevel.County));
        Assert.Equal(90, Regions.Cities.Sum(c => Regions.CountiesOf(c.Code).Count));
    }

    [Fact]
    public void LoadEmbedded_MatchesTheSharedDivisionsFile()
    {
        using var reader = new StreamReader(SeedFiles.SharedPath("data", "zhejiang-divisions.csv"));

        Assert.Equal(RegionDirectory.Load(reader).All, Regions.All);
    }

    [Fact]
    public void Cities_AreTheElevenPrefectureCitiesInCodeOrder()
    {
        Assert.Equal(
            ["杭州市", "宁波市", "温州市", "嘉兴市", "湖州市", "绍兴市", "金华市", "衢州市", "舟山市", "台州市", "丽水市"],
            Regions.Cities.Select(c => c.Name));
    }

    [Fact]
    public void CountiesOf_Hangzhou_ReturnsItsThirteenCountyLevelUnits()
    {
        var counties = Regions.CountiesOf("330100");

        Assert.Equal(13, counties.Count);
        Assert.Equal("上城区", counties[0].Name);
        Assert.Contains(counties, c => c.Name == "淳安县");
        Assert.Contains(counties, c => c.Name == "建德市");
        Assert.All(counties, c => Assert.Equal("330100", c.ParentCode));
    }

    [Fact]
    public void CountiesOf_CodeThatIsNotACity_ReturnsEmpty()
    {
        Assert.Empty(Regions.CountiesOf("330102"));
        Assert.Empty(Regions.CountiesOf("999999"));
    }

    [Fact]
    public void Find_KnownCode_ReturnsTheRegionAndUnknownCodeReturnsNull()
    {
        Assert.Equal("龙港市", Regions.Find("330383")?.Name);
        Assert.Equal(RegionLevel.County, Regions.Find("331127")?.Level);
        Assert.Null(Regions.Find("330104"));
    }

    [Theory]
    [InlineData("330102", "330100")]
    [InlineData("331127", "331100")]
    [InlineData("330100", "330100")]
    public void CityOf_CountyOrCity_ReturnsTheCity(string code, string cityCode)
    {
        Assert.Equal(cityCode, Regions.CityOf(code)?.Code);
    }

    [Theory]
    [InlineData("330000")]
    [InlineData("123456")]
    public void CityOf_ProvinceOrUnknownCode_ReturnsNull(string code)
    {
        Assert.Null(Regions.CityOf(code));
    }

    [Theory]
    [InlineData("330000,浙江省,province,\n330100,杭州市,city\n", "line 3", "expected 4 fields")]
    [InlineData("330000,浙江省,province,\n330100,杭州市,town,330000\n", "line 3", "level 'town'")]
    [InlineData("330000,浙江省,province,\n33010,杭州市,city,330000\n", "line 3", "6-digit")]
    [InlineData("330000,浙江省,province,\n330100,杭州市,city,330000\n330100,宁波市,city,330000\n", "line 4", "already appears on line 3")]
    [InlineData("330000,浙江省,province,\n330102,上城区,county,330100\n", "line 3", "not a city")]
    public void Load_MalformedRow_ThrowsNamingTheLine(string rows, string line, string problem)
    {
        var ex = Assert.Throws<FormatException>(() => RegionDirectory.Load(new StringReader("code,name,level,parent_code\n" + rows)));

        Assert.Contains(line, ex.Message, StringComparison.Ordinal);
        Assert.Contains(problem, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_WithoutHeader_ThrowsNamingLineOne()
    {
        var ex = Assert.Throws<FormatException>(() => RegionDirectory.Load(new StringReader("330000,浙江省,province,\n")));

        Assert.Contains("line 1", ex.Message, StringComparison.Ordinal);
    }
}
