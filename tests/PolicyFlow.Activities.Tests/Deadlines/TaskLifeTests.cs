using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Deadlines;

/// <summary>A task's deadline life on real storage with a fake clock: reminders, overdue, escalation, extensions.</summary>
public sealed class TaskLifeTests
{
    // Due ten calendar days after creation (so overdue from the 11th day, 00:00 Asia/Shanghai).
    private const string Step = """
    { "id": "step", "name": "One agency step",
      "variables": [ { "name": "measureTitle", "type": "string", "default": "测试措施" } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "task", "type": "AssignTask", "properties": { "assignee": "jx-330102", "title": "落实并报告", "step": "county",
          "due": { "days": 10, "unit": "calendar", "from": "created" },
          "notices": { "reminderDaysBefore": [3, 1], "overdueEveryDays": 0, "escalateAfterDays": 7 } } }
      ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "task" } ] }
    """;

    private static readonly DateTimeOffset Monday = new(2025, 3, 3, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AdvancingThroughATasksLife_FiresBothReminders_TheOverdueNotice_AndTheEscalation_EachOnce(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: Monday);
        await h.PublishAsync(Step);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("step"), "lead");
        var task = Assert.Single(await h.TasksAsync(instance.Id));
        Assert.Equal(new DateTimeOffset(2025, 3, 14, 0, 0, 0, TimeSpan.FromHours(8)), task.DueAt);
        Assert.Equal(["Reminder", "Reminder", "Overdue", "Escalation"], (await h.TimersAsync(instance.Id)).Select(t => t.Kind));

        for (var hour = 0; hour < 24 * 25; hour += 6)
        {
            h.Clock.Advance(TimeSpan.FromHours(6));
            await h.Pump.DrainAsync();
            await h.Pump.DrainAsync();
        }

        var messages = await OutboxAsync(h);
        Assert.Equal(1, messages.Count(m => m.Kind == "TaskAssigned"));
        Assert.Equal(2, messages.Count(m => m.Kind == "Reminder"));
        Assert.Equal(1, messages.Count(m => m.Kind == "Overdue"));
        Assert.StartsWith("jx-330102@", Assert.Single(messages, m => m.Kind == "Overdue").To, StringComparison.Ordinal);
        // One escalation, told to the assignee and to the measure's lead agency (provincial counterpart).
        var escalation = messages.Where(m => m.Kind == "Escalation").Select(m => m.To.Split('@')[0]).Order().ToList();
        Assert.Equal(["jx-330000", "jx-330102"], escalation);
        Assert.Equal(4, (await h.JournalAsync(instance.Id)).Count(j => j.Kind == JournalKinds.TimerFired));
        Assert.All(await h.TimersAsync(instance.Id), t => Assert.Equal(TimerStatus.Fired, t.Status));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task CompletingTheTaskEarly_CancelsTheNoticesStillPending(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: Monday);
        await h.PublishAsync(Step);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("step"), "lead");
        h.Clock.Advance(TimeSpan.FromDays(8));
        await h.Pump.DrainAsync();
        Assert.Equal(1, (await OutboxAsync(h)).Count(m => m.Kind == "Reminder"));

        await h.Engine.CompleteTaskAsync(Assert.Single(await h.TasksAsync(instance.Id)).Id, "Done", "county");
        h.Clock.Advance(TimeSpan.FromDays(30));
        await h.Pump.DrainAsync();

        var timers = await h.TimersAsync(instance.Id);
        Assert.Equal([TimerStatus.Fired, TimerStatus.Cancelled, TimerStatus.Cancelled, TimerStatus.Cancelled], timers.Select(t => t.Status));
        Assert.DoesNotContain(await OutboxAsync(h), m => m.Kind is "Overdue" or "Escalation");
        Assert.Equal(1, (await OutboxAsync(h)).Count(m => m.Kind == "Reminder"));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AnApprovedExtension_MovesTheDueDateAndTheReminders_AndAskingAfterTheDueDateIsRefused(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: Monday);
        await h.PublishAsync(Step);
        var extensions = h.Services.GetRequiredService<ExtensionService>();
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("step"), "lead");
        var task = Assert.Single(await h.TasksAsync(instance.Id));
        var newDue = task.DueAt!.Value.AddDays(14);

        h.Clock.Advance(TimeSpan.FromDays(5));
        var request = await extensions.RequestAsync(task.Id, newDue, "需要补充调研材料", "county");
        var twice = await Assert.ThrowsAsync<EngineException>(() => extensions.RequestAsync(task.Id, newDue, "again", "county"));
        Assert.Equal(EngineError.Conflict, twice.Error);
        await extensions.DecideAsync(request.Id, approve: true, "同意", "lead");

        var moved = Assert.Single(await h.TasksAsync(instance.Id));
        Assert.Equal(newDue, moved.DueAt);
        var pending = (await h.TimersAsync(instance.Id)).Where(t => t.Status == TimerStatus.Pending).ToList();
        Assert.Equal(["Reminder", "Reminder", "Overdue", "Escalation"], pending.Select(t => t.Kind));
        Assert.All(pending, t => Assert.True(t.DueAt > task.DueAt));
        Assert.Equal(4, (await h.TimersAsync(instance.Id)).Count(t => t.Status == TimerStatus.Cancelled));
        Assert.Contains(await h.JournalAsync(instance.Id), j => j.Kind == JournalKinds.TaskDueChanged);
        Assert.Single(await OutboxAsync(h), m => m.Kind == "ExtensionDecided");

        // Past the new due date, no further request is accepted, and nothing changes.
        h.Clock.SetUtcNow(newDue.AddMinutes(1));
        var late = await Assert.ThrowsAsync<EngineException>(() => extensions.RequestAsync(task.Id, newDue.AddDays(7), "太晚了", "county"));
        Assert.Equal(EngineError.Invalid, late.Error);
        Assert.Contains("The due date", late.Message);
        Assert.Equal(newDue, Assert.Single(await h.TasksAsync(instance.Id)).DueAt);
    }

    private static async Task<List<OutboxMessage>> OutboxAsync(WorkflowHarness h)
    {
        await using var db = h.Db.Create();
        return await db.Outbox.AsNoTracking().OrderBy(m => m.CreatedAt).ToListAsync();
    }
}
