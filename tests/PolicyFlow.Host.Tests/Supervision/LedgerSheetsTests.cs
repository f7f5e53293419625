using System.Globalization;
using System.IO.Compression;
using MiniExcelLibs;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Host.Application.Supervision;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// The matrix and the ranking as .xlsx (the 台账's other two sheets) on the scripted data set, read back with MiniExcel: the
/// rows of the report with the page's filters, Chinese headers, the frozen header row and set widths, and the cut-off.
/// </summary>
public sealed class LedgerSheetsTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.LoadEmbedded();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task MatrixAndRankingSheets_ReadBackAsTheReports_WithTheFiltersFrozenHeadersWidthsAndCutOff(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var export = world.Get<LedgerExport>();
        var cutOff = TimeZoneInfo.ConvertTime(world.Harness.Clock.GetUtcNow(), ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture);

        // The matrix drilled down to 杭州市, as the page shows it after a click on the city.
        var matrixFile = await SaveAsync(await export.HandleAsync(SupervisionWorld.Leader,
            new LedgerExport.Request(Sheet: "matrix", PolicyId: SupervisionWorld.PolicyId, City: "330100")));
        var matrix = await world.Get<MatrixReport>().HandleAsync(SupervisionWorld.Leader, new MatrixReport.Request(SupervisionWorld.PolicyId, City: "330100"));
        var rows = Rows(matrixFile, "督办总览");
        Assert.Equal(10, rows.Count);
        Assert.Equal(["措施", "牵头单位", "合计", .. matrix.Columns.Select(c => c.Name)], rows[0].Keys);
        Assert.Equal("杭州市本级", matrix.Columns[0].Name);
        Assert.Equal("已办结 1/1", rows[0]["上城区"]);
        Assert.Equal("已办结 2/2", rows[0]["杭州市本级"]); // its report and its review of 上城区's
        Assert.Equal("红灯 0/1 逾期1", rows[0]["西湖区"]);
        Assert.Equal("红灯 3/15 逾期12", rows[0]["合计"]);
        Assert.StartsWith("（一）", (string)rows[0]["措施"], StringComparison.Ordinal);
        Assert.Contains(About(matrixFile), a => a.Contains($"截至 {cutOff}", StringComparison.Ordinal));
        Assert.Contains(About(matrixFile), a => a.Contains("杭州市：本级和所辖县（市、区）", StringComparison.Ordinal));
        AssertFrozenHeaderAndWidths(matrixFile, "48");

        // The counties' ranking of the quarter, as the ranking tab shows it.
        var to = DueDay.Of(world.CountyDueAt);
        var request = new LedgerExport.Request(Sheet: "ranking", PolicyId: SupervisionWorld.PolicyId, Of: "county", Period: "quarter", To: to);
        var rankingFile = await SaveAsync(await export.HandleAsync(SupervisionWorld.Leader, request));
        var ranking = await world.Get<RankingReport>().HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("county", "quarter", To: to, PolicyId: SupervisionWorld.PolicyId));
        var lines = Rows(rankingFile, "排名");
        Assert.Equal(90, lines.Count);
        Assert.Equal(ranking.Rows.Select(r => (r.Rank, r.Name, r.Due, r.OverdueNow)),
            lines.Select(l => (Convert.ToInt32(l["名次"], CultureInfo.InvariantCulture), (string)l["单位/地区"], Convert.ToInt32(l["应办结"], CultureInfo.InvariantCulture),
                Convert.ToInt32(l["当前逾期"], CultureInfo.InvariantCulture))));
        Assert.Equal(("上城区", "10.0%"), ((string)lines[0]["单位/地区"], (string)lines[0]["按期办结率"]));
        Assert.Contains(About(rankingFile), a => a.Contains($"排名对象 县（市、区）；统计期 {ranking.From:yyyy-MM-dd} 至 {ranking.To:yyyy-MM-dd}", StringComparison.Ordinal));
        AssertFrozenHeaderAndWidths(rankingFile, "34");

        // A city's leadership gets its own counties only.
        var hzFile = await SaveAsync(await export.HandleAsync(SupervisionWorld.HangzhouLeader, request));
        Assert.Equal(Regions.CountiesOf("330100").Select(c => c.Name).Order(StringComparer.Ordinal),
            Rows(hzFile, "排名").Select(l => (string)l["单位/地区"]).Order(StringComparer.Ordinal));
        foreach (var file in new[] { matrixFile, rankingFile, hzFile })
        {
            File.Delete(file);
        }
    }

    private static async Task<string> SaveAsync(LedgerExport.Export export)
    {
        Assert.Contains("截至", export.FileName, StringComparison.Ordinal);
        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            await export.Content.CopyToAsync(file);
        }
        await export.Content.DisposeAsync();
        return path;
    }

    private static List<IDictionary<string, object>> Rows(string path, string sheet) =>
        [.. MiniExcel.Query(path, useHeaderRow: true, sheetName: sheet).Cast<IDictionary<string, object>>()];

    private static List<string> About(string path) => [.. Rows(path, "说明").Select(r => (string)r["内容"])];

    /// <summary>The first sheet's XML: the pane frozen below row 1, and the column widths written (MiniExcel cannot read these back).</summary>
    private static void AssertFrozenHeaderAndWidths(string path, string width)
    {
        using var zip = ZipFile.OpenRead(path);
        using var reader = new StreamReader(zip.GetEntry("xl/worksheets/sheet1.xml")!.Open());
        var xml = reader.ReadToEnd();
        Assert.Contains("ySplit=\"1\"", xml, StringComparison.Ordinal);
        Assert.Contains("state=\"frozen\"", xml, StringComparison.Ordinal);
        Assert.Contains($"width=\"{width}", xml, StringComparison.Ordinal);
    }
}
