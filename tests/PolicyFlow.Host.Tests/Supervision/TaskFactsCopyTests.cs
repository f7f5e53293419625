using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Supervision;

/// <summary>
/// The reports count the task's state from its facts row, which the database keeps equal to the task (triggers of the
/// ReportColumns migration). Every way a task changes — created, claimed, completed, its due date moved by an extension,
/// cancelled with its instance by the engine's bulk update — leaves the two equal, on both databases.
/// </summary>
public sealed class TaskFactsCopyTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task EveryTaskChange_IsCopiedToItsFacts(string provider)
    {
        await using var world = await SupervisionWorld.StartAsync(provider);
        var open = await world.TasksAsync((t, f) => f.Step == StepNames.County && t.Status == WorkTaskStatus.Open);
        var claimed = open[0];
        var cancelled = open[1];
        var now = world.Harness.Clock.GetUtcNow();
        var extended = (await world.TasksAsync((t, f) => t.Status == WorkTaskStatus.Open && t.DueAt > now)).First();
        Assert.True((await world.Harness.Engine.ClaimTaskAsync(claimed.Id, claimed.Assignee)).WasChanged);

        var extensions = world.Get<ExtensionService>();
        var newDue = DueDay.ToDueAt(DueDay.Of(extended.DueAt!.Value).AddDays(10));
        var request = await extensions.RequestAsync(extended.Id, newDue, "需要补充材料", extended.Assignee);
        await extensions.DecideAsync(request.Id, approve: true, "同意", "office");
        Assert.True(await world.Harness.Engine.CancelAsync(cancelled.InstanceId, "office"));

        await using var db = world.Harness.Db.Create();
        var tasks = await db.Tasks.AsNoTracking().ToDictionaryAsync(t => t.Id);
        var facts = await db.TaskFacts.AsNoTracking().ToListAsync();
        Assert.NotEmpty(facts);
        foreach (var f in facts)
        {
            var t = tasks[f.TaskId];
            Assert.Equal((t.Status, t.Assignee, t.CreatedAt, t.DueAt, t.CompletedAt), (f.Status, f.Assignee, f.CreatedAt, f.DueAt, f.CompletedAt));
            Assert.Equal(t.DueAt is { } due ? DueDay.Of(due) : (DateOnly?)null, f.DueDay is { } d ? TaskFacts.DayOf(d) : (DateOnly?)null);
            Assert.Equal(t.CompletedAt is { } done ? Activities.Calendar.ChinaTime.DateOf(done) : (DateOnly?)null, f.CompletedDay is { } c ? TaskFacts.DayOf(c) : (DateOnly?)null);
        }
        Assert.Equal(WorkTaskStatus.Claimed, facts.Single(f => f.TaskId == claimed.Id).Status);
        Assert.Equal(newDue, facts.Single(f => f.TaskId == extended.Id).DueAt);
        Assert.Equal(WorkTaskStatus.Cancelled, facts.Single(f => f.TaskId == cancelled.Id).Status);
        Assert.Contains(facts, f => f.Status == WorkTaskStatus.Completed && f.CompletedDay is not null);
    }
}
