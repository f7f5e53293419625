using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Seed;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// The seed policy played to a known state under a fake clock: launched 2024-07-22, in force 2024-08-21, every plan
/// done on 2024-08-22 (so co-agency, city and county tasks exist), Hangzhou's 经信 city task and 上城区's county task of
/// measure (一) completed and accepted on 2024-09-02 (by the lead and by 杭州), and the clock then two hours past the county tasks' due instant.
/// </summary>
internal sealed class SupervisionWorld : IAsyncDisposable
{
    private SupervisionWorld(WorkflowHarness harness, DateTimeOffset countyDueAt)
    {
        Harness = harness;
        CountyDueAt = countyDueAt;
    }

    public WorkflowHarness Harness { get; }
    public DateTimeOffset CountyDueAt { get; }
    public const string PolicyId = "p2024-151-d27fde";

    public static Caller Leader { get; } = new("leader", new HashSet<string> { Roles.Leadership }, "jx-330000");
    public static Caller HangzhouLeader { get; } = new("hz-leader", new HashSet<string> { Roles.Leadership }, "jx-330100");
    public static Caller HangzhouJx { get; } = new("jx-330100", new HashSet<string> { Roles.AgencyStaff }, "jx-330100");
    public static Caller ShangchengJx { get; } = new("jx-330102", new HashSet<string> { Roles.AgencyStaff }, "jx-330102");
    public static Caller ProvinceRcb { get; } = new("rcb-330000", new HashSet<string> { Roles.AgencyStaff }, "rcb-330000");

    public T Get<T>() where T : notnull => Harness.Services.GetRequiredService<T>();

    public static async Task<SupervisionWorld> StartAsync(string provider)
    {
        var harness = await Application.UseCaseHarness.StartAsync(provider, new DateTimeOffset(2024, 7, 22, 10, 0, 0, TimeSpan.FromHours(8)));
        var policy = await harness.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedLoader.SeedText()), "office");
        await harness.Services.GetRequiredService<PolicyLauncher>().LaunchAsync(policy.Id, "office");
        harness.Clock.SetUtcNow(ChinaTime.StartOfDay(new DateOnly(2024, 8, 21)));
        await harness.Pump.DrainAsync();

        harness.Clock.SetUtcNow(ChinaTime.At(new DateOnly(2024, 8, 22), new TimeOnly(10, 0)));
        foreach (var plan in await TasksAsync(harness, (t, f) => f.Step == StepNames.Plan))
        {
            await harness.Engine.CompleteTaskAsync(plan.Id, "Done", plan.Assignee);
        }
        harness.Clock.SetUtcNow(ChinaTime.At(new DateOnly(2024, 9, 2), new TimeOnly(10, 0)));
        foreach (var done in await TasksAsync(harness, (t, f) => f.MeasureNo == 1 && (t.Assignee == "jx-330100" || t.Assignee == "jx-330102")))
        {
            await harness.Engine.CompleteTaskAsync(done.Id, "Done", done.Assignee);
        }
        // Their reviews — 杭州's of 上城区's report, the lead's of 杭州's — accept them the same day.
        foreach (var review in await TasksAsync(harness, (t, f) => f.MeasureNo == 1 && f.Step == StepNames.Review && t.IsOpen))
        {
            await harness.Engine.CompleteTaskAsync(review.Id, "Accept", review.Assignee);
        }
        var countyDue = (await TasksAsync(harness, (t, f) => f.Step == StepNames.County)).Select(t => t.DueAt!.Value).Distinct().Single();
        harness.Clock.SetUtcNow(countyDue.AddHours(2));
        return new SupervisionWorld(harness, countyDue);
    }

    public Task<List<WorkTask>> TasksAsync(Func<WorkTask, TaskFacts, bool> where) => TasksAsync(Harness, where);

    private static async Task<List<WorkTask>> TasksAsync(WorkflowHarness harness, Func<WorkTask, TaskFacts, bool> where)
    {
        await using var db = harness.Db.Create();
        var facts = await db.TaskFacts.AsNoTracking().ToDictionaryAsync(f => f.TaskId);
        return [.. (await db.Tasks.AsNoTracking().ToListAsync()).Where(t => facts.TryGetValue(t.Id, out var f) && where(t, f))];
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
