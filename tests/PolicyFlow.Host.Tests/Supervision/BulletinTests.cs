using System.Text.RegularExpressions;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Testing;
using UglyToad.PdfPig;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// 通报 over the scripted data set (<see cref="SupervisionWorld"/>), on both databases: its figures are the matrix's and the
/// ranking's, worked out by hand as in <see cref="SupervisionReportTests"/>, and the PDF (read back with PdfPig) says the same.
/// </summary>
public sealed partial class BulletinTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.LoadEmbedded();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Bulletin_FiguresAreTheMatrixAndTheRankings_AndThePdfStatesThem(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var dueDay = DueDay.Of(world.CountyDueAt);
        var request = new BulletinReport.Request(SupervisionWorld.PolicyId, "quarter", To: dueDay);
        var bulletin = await world.Get<BulletinReport>().HandleAsync(SupervisionWorld.Leader, request);

        // Every plan (10) and Hangzhou's and 上城区's tasks of measure (一) and their two reviews are done; 899 county tasks and every
        // co-agency task are overdue.
        var coAgencyTasks = (await world.TasksAsync((t, f) => f.Step == StepNames.CoAgency)).Count;
        var s = bulletin.Summary;
        Assert.Equal((10, 14, 10 * 90 - 1 + coAgencyTasks, 0, 0, 10), (s.Measures, s.Done, s.Overdue, s.Yellow, s.MeasuresDone, s.MeasuresWithOverdue));
        Assert.Equal(s.Tasks - s.Done, s.Open);
        Assert.Equal(("浙江省", null, 2024, ((dueDay.Month - 1) / 3) + 1), (bulletin.Issuer, bulletin.City, bulletin.Year, bulletin.Number));

        // The red lists are the matrix's columns summed over the measures.
        var matrix = await world.Get<MatrixReport>().HandleAsync(SupervisionWorld.Leader, new MatrixReport.Request(SupervisionWorld.PolicyId));
        Assert.Equal(matrix.Rows.Sum(r => r.Summary.Total), s.Tasks);
        Assert.Equal(11, bulletin.Regions.Count);
        var hangzhou = bulletin.Regions.Single(l => l.Key == "330100");
        // The city and county tasks of every measure and 杭州's review of 上城区's report, done with the two it reviewed.
        Assert.Equal((10 * 14 + 1, 3, 10 * 13 - 1, 10), (hangzhou.Total, hangzhou.Done, hangzhou.Overdue, hangzhou.MeasuresWithOverdue));
        Assert.Equal(10 * Regions.CountiesOf("330200").Count, bulletin.Regions.Single(l => l.Key == "330200").Overdue);
        var now = world.Harness.Clock.GetUtcNow();
        var provincialOverdue = await world.TasksAsync((t, f) => f.RegionLevel == RegionLevel.Province && t.Status != PolicyFlow.Engine.Tasks.WorkTaskStatus.Completed && t.DueAt <= now);
        Assert.Equal(provincialOverdue.Count, bulletin.Agencies.Sum(a => a.Overdue));
        Assert.Equal(provincialOverdue.Select(t => t.Assignee).Distinct().Order(StringComparer.Ordinal), bulletin.Agencies.Select(a => a.Key).Order(StringComparer.Ordinal));

        // The rankings are the ranking report's, for the same period.
        var ranking = world.Get<RankingReport>();
        Assert.Equal(["agency", "city"], bulletin.Rankings.Select(r => r.Of));
        foreach (var of in new[] { "agency", "city" })
        {
            var expected = await ranking.HandleAsync(SupervisionWorld.Leader, new RankingReport.Request(of, "quarter", To: dueDay, PolicyId: SupervisionWorld.PolicyId));
            Assert.Equal(expected.Rows, bulletin.Rankings.Single(r => r.Of == of).Rows);
        }
        Assert.Equal(("330100", 1), (bulletin.Rankings[1].Rows[0].Key, bulletin.Rankings[1].Rows[0].Rank));

        var pdf = await world.Get<BulletinPdf>().HandleAsync(SupervisionWorld.Leader, request);
        var text = TextOf(pdf.Content);
        var path = RepositoryRoot.Combine("artifacts", "bulletin", $"bulletin-{provider}.pdf");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await File.WriteAllBytesAsync(path, pdf.Content);
        Assert.True(pdf.Content.Length < 500_000, $"the font is subset: {pdf.Content.Length} bytes");
        Assert.Contains("督查通报", text, StringComparison.Ordinal);
        Assert.Contains(Flat(BulletinText.Number(bulletin, false)), text, StringComparison.Ordinal);
        Assert.Contains(Flat($"浙江省督查督办{BulletinText.DayZh(bulletin.IssuedOn)}"), text, StringComparison.Ordinal);
        Assert.Contains(Flat(BulletinText.Summary(bulletin, false)), text, StringComparison.Ordinal);
        Assert.Contains($"{s.Overdue}", text, StringComparison.Ordinal);
        Assert.All(bulletin.Regions.Concat(bulletin.Agencies), l => Assert.Contains(Flat(string.Concat(BulletinText.Cells(l, 1).Skip(1))), text, StringComparison.Ordinal));
        Assert.All(bulletin.Rankings.SelectMany(r => r.Rows), r => Assert.Contains(Flat(string.Concat(BulletinText.Cells(r))), text, StringComparison.Ordinal));
        Assert.Contains(Flat(RankingReport.Rules[1].ZhCn), text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Bulletin_ForACitysLeadership_CoversOnlyThatCity_AndACountyIsRefused(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var request = new BulletinReport.Request(SupervisionWorld.PolicyId, "quarter", To: DueDay.Of(world.CountyDueAt));
        var bulletin = await world.Get<BulletinReport>().HandleAsync(SupervisionWorld.HangzhouLeader, request);

        var hangzhou = new[] { "330100" }.Concat(Regions.CountiesOf("330100").Select(c => c.Code)).ToHashSet();
        Assert.Equal(("杭州市", "330100"), (bulletin.Issuer, bulletin.City));
        // Each measure's city and county tasks, and 杭州's review of 上城区's report (the lead's review of 杭州's is provincial).
        Assert.Equal((10 * 14 + 1, 3, 10 * 13 - 1), (bulletin.Summary.Tasks, bulletin.Summary.Done, bulletin.Summary.Overdue));
        Assert.Empty(bulletin.Agencies);
        Assert.All(bulletin.Regions, l => Assert.Contains(l.Key, hangzhou));
        Assert.Equal(13, bulletin.Regions.Count); // every county has overdue tasks; the city's own tasks are not due yet
        var counties = Assert.Single(bulletin.Rankings);
        Assert.Equal("county", counties.Of);
        Assert.Equal(Regions.CountiesOf("330100").Count, counties.Rows.Count);
        Assert.Equal("330102", counties.Rows[0].Key);

        var text = TextOf((await world.Get<BulletinPdf>().HandleAsync(SupervisionWorld.HangzhouLeader, request)).Content);
        Assert.Contains("杭州市督查督办", text, StringComparison.Ordinal);
        Assert.Contains("上城区", text, StringComparison.Ordinal);
        Assert.DoesNotContain("宁波市", text, StringComparison.Ordinal);
        Assert.DoesNotContain("省级部门", text, StringComparison.Ordinal);

        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<BulletinReport>().HandleAsync(SupervisionWorld.ShangchengJx, request));
        await Assert.ThrowsAsync<PolicyFlow.Engine.Runtime.EngineException>(() =>
            world.Get<BulletinReport>().HandleAsync(SupervisionWorld.Leader, request with { Number = 0 }));
    }

    /// <summary>Every page's text, whitespace removed: table cells and wrapped lines follow each other in drawing order.</summary>
    private static string TextOf(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return Flat(string.Concat(document.GetPages().Select(p => p.Text)));
    }

    private static string Flat(string text) => Whitespace().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
