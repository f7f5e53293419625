using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage.Migrations;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// Every county's report of a measure is due the same day, so their completions, and the review tasks they open, add to
/// the same per-day counter rows (the city's and the province's of that day). Completed at once by parallel callers through
/// the use case, each completion must succeed — a deadlock or serialization failure between the counters' upserts is
/// retried by the engine, never shown to the user — and the counters afterwards be what the migration's fill gives.
/// </summary>
public sealed class ReportDaysConcurrencyTests
{
    [Fact]
    public async Task Completions_InParallel_OnTheSameCounterRows_AllSucceed_AndLeaveTheCountersTheFillGives()
    {
        await using var world = await SupervisionWorld.StartAsync("PostgreSql");
        var counties = await world.TasksAsync((t, f) => f.Step == StepNames.County && t.IsOpen);
        Assert.True(counties.Count >= 50, $"{counties.Count} open county tasks");
        var done = await CountyDoneAsync(world);

        var complete = world.Get<CompleteTask>();
        var results = new System.Collections.Concurrent.ConcurrentBag<TaskActionResult>();
        await Parallel.ForEachAsync(counties, new ParallelOptions { MaxDegreeOfParallelism = 16 }, async (task, cancellationToken) =>
        {
            var caller = new Caller(task.Assignee, new HashSet<string> { Roles.AgencyStaff }, task.Assignee);
            results.Add(await complete.HandleAsync(caller, task.Id, new CompleteTask.Request(TaskOutcomes.Done, null), cancellationToken));
        });

        Assert.Equal(counties.Count, results.Count(r => r.WasChanged && r.Task.Status == WorkTaskStatus.Completed));
        Assert.Equal(done + counties.Count, await CountyDoneAsync(world));
        await using var db = world.Harness.Db.Create();
        var kept = RankingFromDaysTests.Describe(await db.ReportDays.AsNoTracking().OrderBy(d => d.Of).ThenBy(d => d.Day).ThenBy(d => d.Key).ToListAsync());
        await db.ReportDays.ExecuteDeleteAsync();
        await db.Database.ExecuteSqlRawAsync(ReportDaysSql.Fill);
        var filled = RankingFromDaysTests.Describe(await db.ReportDays.AsNoTracking().OrderBy(d => d.Of).ThenBy(d => d.Day).ThenBy(d => d.Key).ToListAsync());
        Assert.Equal(filled, kept);
    }

    private static async Task<int> CountyDoneAsync(SupervisionWorld world)
    {
        await using var db = world.Harness.Db.Create();
        return await db.ReportDays.Where(d => d.Of == "county").SumAsync(d => d.Done);
    }
}
