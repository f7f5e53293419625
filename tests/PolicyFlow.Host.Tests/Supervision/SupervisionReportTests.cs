using Microsoft.EntityFrameworkCore;
using MiniExcelLibs;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Supervision;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// The supervision reports over the seed played to a known state (<see cref="SupervisionWorld"/>), on both databases.
/// Expected figures follow from the flow: each measure cascades to 11 city tasks and 90 county tasks of its lead's line;
/// at the clock's time every county and co-agency task is past due, the city tasks are not, and only Hangzhou's and
/// 上城区's tasks of measure (一) (lead 省经信厅) are done.
/// </summary>
public sealed class SupervisionReportTests
{
    private static readonly RegionDirectory Regions = RegionDirectory.LoadEmbedded();

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Matrix_CountsEachCellsTasks_AndDrillsDownToTheCounties(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var matrix = await world.Get<MatrixReport>().HandleAsync(SupervisionWorld.Leader, new MatrixReport.Request(SupervisionWorld.PolicyId));

        Assert.Equal(10, matrix.Rows.Count);
        var m1 = matrix.Rows[0];
        Assert.Equal("jx-330000", m1.LeadAgencyId);
        var hangzhou = Cell(matrix, m1, "330100");
        // 1 city task + 13 county tasks + 杭州's review of 上城区's report; the city's, 上城区's and the review done; the other 12
        // counties overdue; the city task is not due yet.
        Assert.Equal((15, 3, 12, 0, "Red"), (hangzhou.Total, hangzhou.Done, hangzhou.Overdue, hangzhou.Yellow, hangzhou.Light));
        var ningboCounties = Regions.CountiesOf("330200").Count;
        var ningbo = Cell(matrix, m1, "330200");
        Assert.Equal((1 + ningboCounties, 0, ningboCounties, "Red"), (ningbo.Total, ningbo.Done, ningbo.Overdue, ningbo.Light));
        // The co-agencies' tasks (due 30 working days after the plan, like the counties') are all overdue.
        var coColumns = matrix.Columns.Where(c => c.Level == ColumnLevel.Agency && c.Key != "jx-330000").ToList();
        Assert.NotEmpty(coColumns);
        var coCells = coColumns.Select(c => m1.Cells[matrix.Columns.ToList().IndexOf(c)]).Where(c => c is not null).ToList();
        Assert.NotEmpty(coCells);
        Assert.All(coCells, c => Assert.Equal((1, 0, 1, "Red"), (c!.Total, c.Done, c.Overdue, c.Light)));
        Assert.Equal(5, m1.Summary.Done); // the two, their reviews (杭州's of 上城区, the lead's of 杭州), and the lead's plan

        var drill = await world.Get<MatrixReport>().HandleAsync(SupervisionWorld.Leader, new MatrixReport.Request(SupervisionWorld.PolicyId, City: "330100"));
        Assert.Equal(1 + 13, drill.Columns.Count);
        var shangcheng = Cell(drill, drill.Rows[0], "330102");
        Assert.Equal((1, 1, 0, Lights.Done), (shangcheng.Total, shangcheng.Done, shangcheng.Overdue, shangcheng.Light));
        Assert.Equal((1, 0, 1, "Red"), Tuple(Cell(drill, drill.Rows[0], "330105")));
        Assert.Equal((2, 2, 0, Lights.Done), Tuple(Cell(drill, drill.Rows[0], "330100"))); // its report and its review of 上城区
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task OverdueList_IsFilteredSortedAndPaged_AndScopedToTheCaller(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var list = world.Get<OverdueList>();
        var page = await list.HandleAsync(SupervisionWorld.Leader, new OverdueList.Request(SupervisionWorld.PolicyId, MeasureNo: 1, Region: "330100", PageSize: 5));
        Assert.Equal(12, page.Total);
        Assert.Equal(5, page.Items.Count);
        Assert.All(page.Items, r => Assert.Equal((1, "county", 1), (r.MeasureNo, r.Step, r.DaysOverdue)));
        Assert.DoesNotContain(page.Items, r => r.Assignee == "jx-330102");
        var last = await list.HandleAsync(SupervisionWorld.Leader, new OverdueList.Request(SupervisionWorld.PolicyId, MeasureNo: 1, Region: "330100", Page: 3, PageSize: 5));
        Assert.Equal(2, last.Items.Count);
        Assert.Empty((await list.HandleAsync(SupervisionWorld.Leader, new OverdueList.Request(SupervisionWorld.PolicyId, MinDaysOverdue: 2))).Items);

        // Every measure's 90 county tasks and its co-agency tasks are overdue: 10 × 90 less 上城区's, plus the co-agencies'.
        var all = await list.HandleAsync(SupervisionWorld.Leader, new OverdueList.Request(SupervisionWorld.PolicyId));
        var coAgencyTasks = (await world.TasksAsync((t, f) => f.Step == StepNames.CoAgency)).Count;
        Assert.Equal((10 * 90) - 1 + coAgencyTasks, all.Total);

        // A city's 经信局 sees its own line in its city; a city's leadership every line in its city.
        var hz = await list.HandleAsync(SupervisionWorld.HangzhouJx, new OverdueList.Request());
        Assert.Equal(12 + (await world.TasksAsync((t, f) => f.MeasureNo != 1 && f.AgencyKind == "jx" && f.CityCode == "330100" && f.Step == "county")).Count, hz.Total);
        Assert.All(hz.Items, r => Assert.StartsWith("jx-", r.Assignee, StringComparison.Ordinal));
        var hzLeader = await list.HandleAsync(SupervisionWorld.HangzhouLeader, new OverdueList.Request(PageSize: 200));
        Assert.Equal((10 * 13) - 1, hzLeader.Total);
        Assert.All(hzLeader.Items, r => Assert.Contains(Regions.CityOf(r.RegionCode)?.Code ?? r.RegionCode, new[] { "330100" }));
        await Assert.ThrowsAsync<AccessDeniedException>(() => world.Get<MatrixReport>().HandleAsync(SupervisionWorld.ShangchengJx, new MatrixReport.Request()));
        var hzMatrix = await world.Get<MatrixReport>().HandleAsync(SupervisionWorld.HangzhouLeader, new MatrixReport.Request());
        Assert.All(hzMatrix.Rows.SelectMany(r => r.Cells.Select((c, i) => (c, hzMatrix.Columns[i]))).Where(x => x.c is not null),
            x => Assert.Equal("330100", x.Item2.Key));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Ranking_OrdersCountiesByOnTimeRate_WithTheRuleBehindEachFigure(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var calendar = world.Get<WorkingCalendar>();
        var ranking = await world.Get<RankingReport>().HandleAsync(SupervisionWorld.Leader,
            new RankingReport.Request("county", "quarter", To: DueDay.Of(world.CountyDueAt)));
        Assert.Equal(90, ranking.Rows.Count);
        var first = ranking.Rows[0];
        // 上城区 has one county task per measure (10), due in the quarter; one was done on time.
        Assert.Equal(("330102", 1, 10, 1, 0.1, 9), (first.Key, first.Rank, first.Due, first.OnTime, first.OnTimeRate, first.OverdueNow));
        var dueDay = DueDay.Of(world.CountyDueAt);
        var today = ChinaTime.DateOf(world.Harness.Clock.GetUtcNow());
        Assert.Equal(calendar.WorkingDaysBetween(dueDay, today), first.AverageWorkingDaysLate);
        Assert.All(ranking.Rows.Skip(1), r => Assert.Equal((10, 0, 0.0, 10), (r.Due, r.OnTime, r.OnTimeRate, r.OverdueNow)));
        Assert.Equal(Enumerable.Range(1, 90), ranking.Rows.Select(r => r.Rank));
        Assert.Equal(8, RankingReport.Rules.Count);

        var cities = await world.Get<RankingReport>().HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("city", "quarter", To: DueDay.Of(world.CountyDueAt)));
        Assert.Equal(("330100", 1), (cities.Rows[0].Key, cities.Rows[0].Rank));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Urge_SendsOneNoticeAndIsRefusedTheSecondTimeThatDay_BulkUrgesEachOnce(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var urge = world.Get<UrgeTasks>();
        var overdue = (await world.Get<OverdueList>().HandleAsync(SupervisionWorld.Leader, new OverdueList.Request(SupervisionWorld.PolicyId, MeasureNo: 1, Step: StepNames.County, PageSize: 21))).Items;
        var one = overdue[0].TaskId;
        Assert.Equal(1, (await urge.OneAsync(SupervisionWorld.Leader, one, "请本周内报送")).Urged);
        var again = await Assert.ThrowsAsync<EngineException>(() => urge.OneAsync(SupervisionWorld.Leader, one, null));
        Assert.Contains("每天最多催办一次", again.Message, StringComparison.Ordinal);

        var twenty = overdue.Skip(1).Select(r => r.TaskId).ToList();
        var preview = await urge.PreviewAsync(SupervisionWorld.Leader, [one, .. twenty]);
        Assert.Equal((20, 1), (preview.WillUrge, preview.AlreadyUrgedToday));
        Assert.Equal(20, preview.Agencies.Sum(a => a.Tasks));
        Assert.Equal(20, (await urge.HandleAsync(SupervisionWorld.Leader, new UrgeTasks.Request(twenty))).Urged);
        var repeat = await urge.HandleAsync(SupervisionWorld.Leader, new UrgeTasks.Request(twenty));
        Assert.Equal((0, 20), (repeat.Urged, repeat.Refused.Count));

        await using var db = world.Harness.Db.Create();
        Assert.Equal(21, await db.Outbox.CountAsync(m => m.Kind == nameof(NotificationKind.Urge)));
        Assert.Equal(21, await db.Urges.CountAsync());
        Assert.Equal(1, (await db.TaskFacts.SingleAsync(f => f.TaskId == one)).UrgeCount);
        Assert.Equal(21, await db.Journal.CountAsync(j => j.Kind == UrgeTasks.JournalKind));

        // An agency urges only the tasks of measures it leads: 省人才办 (rcb) leads measure (二), not (一).
        await Assert.ThrowsAsync<AccessDeniedException>(() => urge.HandleAsync(SupervisionWorld.ProvinceRcb, new UrgeTasks.Request([overdue[5].TaskId])));
        var ranking = await world.Get<RankingReport>().HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("county", "custom",
            ChinaTime.DateOf(world.CountyDueAt), ChinaTime.DateOf(world.CountyDueAt.AddDays(1))));
        Assert.Equal(21, ranking.Rows.Sum(r => r.Urges));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task LedgerExport_ReadsBackWithTheFilteredRows_ChineseHeaders_AndTheCutOff(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var export = await world.Get<LedgerExport>().HandleAsync(SupervisionWorld.Leader,
            new LedgerExport.Request(PolicyId: SupervisionWorld.PolicyId, MeasureNo: 1, Region: "330100"));
        var path = Path.Combine(Path.GetTempPath(), $"ledger-{Guid.NewGuid():N}.xlsx");
        await using (var file = File.Create(path))
        {
            await export.Content.CopyToAsync(file);
        }
        await export.Content.DisposeAsync();
        Assert.Contains("截至", export.FileName, StringComparison.Ordinal);
        var rows = MiniExcel.Query(path, useHeaderRow: true, sheetName: "任务台账").Cast<IDictionary<string, object>>().ToList();
        Assert.Equal(15, rows.Count); // the city's report, its 13 counties' and its review of 上城区's
        Assert.Contains(rows, r => (string)r["承办单位"] == "上城区经信局" && (string)r["状态"] == "已办结");
        Assert.Equal(12, rows.Count(r => (string)r["灯色"] == "红灯"));
        Assert.All(rows, r => Assert.Equal("浙江省经济和信息化厅", r["牵头单位"]));
        var about = MiniExcel.Query(path, useHeaderRow: true, sheetName: "说明").Cast<IDictionary<string, object>>().ToList();
        var cutOff = TimeZoneInfo.ConvertTime(world.Harness.Clock.GetUtcNow(), ChinaTime.Zone).ToString("yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains(about, r => ((string)r["内容"]).Contains($"截至 {cutOff}", StringComparison.Ordinal));
        File.Delete(path);
    }

    private static MatrixCell Cell(Matrix matrix, MatrixRow row, string column) =>
        row.Cells[matrix.Columns.Select(c => c.Key).ToList().IndexOf(column)] ?? throw new InvalidOperationException($"no cell {column}");

    private static (int, int, int, string) Tuple(MatrixCell c) => (c.Total, c.Done, c.Overdue, c.Light);
}
