using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Postponements;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage.Migrations;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// The province's ranking sums the per-day counters that the database's triggers keep (<c>pf_report_days</c>); every
/// other ranking counts the tasks. The two must give the same ranking, figure for figure, whatever happened to the tasks:
/// urges, an approved extension (the due day moves), a late completion, a cancelled county instance, a task handed to
/// another agency, and a day passing.
/// </summary>
public sealed class RankingFromDaysTests
{
    private static readonly Caller Lead = new("jx-330000", new HashSet<string> { Roles.AgencyStaff }, "jx-330000");

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Ranking_FromTheDayCounters_EqualsTheRankingCountedFromTheTasks_AfterEveryKindOfChange(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var ranking = world.Get<RankingReport>();
        var today = ChinaTime.DateOf(world.Harness.Clock.GetUtcNow());

        var counties = await world.TasksAsync((t, f) => f.Step == StepNames.County && f.MeasureNo == 1 && t.IsOpen && t.Assignee != "jx-330106");
        var coTasks = await world.TasksAsync((t, f) => f.Step == StepNames.CoAgency && t.IsOpen && t.Assignee != "rlsb-330000");
        var urge = world.Get<UrgeTasks>();
        Assert.Equal(4, (await urge.HandleAsync(SupervisionWorld.Leader, new UrgeTasks.Request([counties[0].Id, counties[1].Id, counties[2].Id, coTasks[0].Id]))).Urged);

        // 宁波's city task (not due yet) asks for ten more days and the lead agrees: its due day moves.
        var ningbo = Assert.Single(await world.TasksAsync((t, f) => f.Step == StepNames.City && f.MeasureNo == 1 && t.Assignee == "jx-330200"));
        var requester = new Caller("jx-330200", new HashSet<string> { Roles.AgencyStaff }, "jx-330200");
        var asked = await world.Get<RequestExtension>().HandleAsync(requester, ningbo.Id,
            new RequestExtension.Request(DueDay.Of(ningbo.DueAt!.Value).AddDays(10), null, "等待省级配套文件"));
        Assert.Equal(ExtensionStatus.Approved,
            (await world.Get<DecideExtension>().HandleAsync(Lead, new DecideExtension.Request(ningbo.Id, asked.Id, true, "同意"), CancellationToken.None)).Status);

        // One county reports late; one county's instance is cancelled (its urged task with it); an urged co-agency task changes hands.
        await world.Harness.Engine.CompleteTaskAsync(counties[3].Id, "Done", counties[3].Assignee);
        await world.Harness.Engine.CancelAsync(counties[0].InstanceId, "office");
        await using (var db = world.Harness.Db.Create())
        {
            Assert.Equal(1, await db.Tasks.Where(t => t.Id == coTasks[0].Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.Assignee, "rlsb-330000")));
        }

        var requests = Requests(today).ToList();
        await AssertSameAsync(ranking, requests);
        var countyRanking = await ranking.HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("county", "quarter", To: today));
        Assert.Equal(2, countyRanking.Rows.Sum(r => r.Urges));
        Assert.Equal(9, Assert.Single(countyRanking.Rows, r => r.Key == counties[0].Assignee[3..]).OverdueNow);
        var cityRanking = await ranking.HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("city", "quarter", To: today));
        Assert.Equal(1, Assert.Single(cityRanking.Rows, r => r.Key == "330200").Extensions);
        var agencies = await ranking.HandleAsync(SupervisionWorld.Leader, new RankingReport.Request("agency", "quarter", To: today));
        Assert.Equal(1, Assert.Single(agencies.Rows, r => r.Key == "rlsb-330000").Urges);

        // A day later every open task of the county due day is before today; the counters still agree.
        world.Harness.Clock.Advance(TimeSpan.FromDays(1));
        await AssertSameAsync(ranking, Requests(today.AddDays(1)));

        await using (var db = world.Harness.Db.Create())
        {
            // The migration's fill gives the counters the triggers kept.
            var kept = await db.ReportDays.AsNoTracking().OrderBy(d => d.Of).ThenBy(d => d.Day).ThenBy(d => d.Key).ToListAsync();
            Assert.NotEmpty(Describe(kept));
            await db.ReportDays.ExecuteDeleteAsync();
            await db.Database.ExecuteSqlRawAsync(ReportDaysSql.Fill);
            var filled = await db.ReportDays.AsNoTracking().OrderBy(d => d.Of).ThenBy(d => d.Day).ThenBy(d => d.Key).ToListAsync();
            Assert.Equal(Describe(kept), Describe(filled));

            // And the province's ranking is read from them: a counter changed by hand changes it, the tasks' ranking not.
            await db.Database.ExecuteSqlRawAsync("UPDATE pf_report_days SET \"Done\" = \"Done\" + 5, \"OnTime\" = \"OnTime\" + 5 WHERE \"Of\" = 'county' AND \"Key\" = '330110'");
        }
        var request = new RankingReport.Request("county", "quarter", To: today);
        Assert.Equal("330110", (await ranking.HandleAsync(SupervisionWorld.Leader, request)).Rows[0].Key);
        Assert.NotEqual("330110", (await ranking.HandleFromTasksAsync(SupervisionWorld.Leader, request)).Rows[0].Key);
    }

    private static IEnumerable<RankingReport.Request> Requests(DateOnly today) =>
        from of in new[] { "agency", "city", "county" }
        from request in new RankingReport.Request[]
        {
            new(of, "quarter", To: today),
            new(of, "month", To: today),
            new(of, "year", To: today),
            new(of, "custom", today.AddDays(-1), today),
            new(of, "custom", today, today.AddDays(30)),
            new(of, "custom", new DateOnly(2024, 8, 1), today.AddDays(-1)),
        }
        select request;

    private static async Task AssertSameAsync(RankingReport ranking, IEnumerable<RankingReport.Request> requests)
    {
        foreach (var request in requests)
        {
            var fromDays = await ranking.HandleAsync(SupervisionWorld.Leader, request);
            var fromTasks = await ranking.HandleFromTasksAsync(SupervisionWorld.Leader, request);
            Assert.True(fromTasks.Rows.SequenceEqual(fromDays.Rows),
                $"{request}: counters {string.Join("; ", fromDays.Rows)} ≠ tasks {string.Join("; ", fromTasks.Rows)}");
        }
    }

    internal static List<string> Describe(IEnumerable<ReportDay> days) =>
        [.. days.Where(d => d.Done != 0 || d.Pending != 0 || d.Returns != 0 || d.Extensions != 0 || d.Urges != 0)
            .Select(d => $"{d.Of} {d.Key} {d.Day}: {d.Done} {d.OnTime} {d.LateDone} {d.LateDoneAtMidnight} {d.Pending} {d.PendingAtMidnight} {d.Returns} {d.Extensions} {d.Urges}")];
}
