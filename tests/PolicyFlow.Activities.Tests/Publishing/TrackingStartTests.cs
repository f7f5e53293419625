using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

/// <summary>
/// A policy launched long after it took effect (the seed took effect on 2024-08-21) is tracked from its launch (交办日期):
/// its plan tasks are due 15 working days after the launch day, not on a day already past, and the assignment email
/// names that due day.
/// </summary>
public sealed class TrackingStartTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task LaunchingAfterTheEffectiveDate_CountsDueDatesFromTheLaunch_SoNoTaskIsBornOverdue(string provider)
    {
        await using var h = await StartOnLaunchDayAsync(provider);
        var policy = await h.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedPolicy.Text), "office");
        await h.Services.GetRequiredService<PolicyLauncher>().LaunchAsync(policy.Id, "office");
        await h.Pump.DrainAsync();

        await using var db = h.Db.Create();
        var planIds = await db.TaskFacts.Where(f => f.Step == StepNames.Plan).Select(f => f.TaskId).ToListAsync();
        var plans = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.Id)).ToListAsync();
        Assert.Equal(10, plans.Count);
        var calendar = h.Services.GetRequiredService<WorkingCalendar>();
        var expectedDue = DueDay.ToDueAt(calendar.AddWorkingDays(new DateOnly(2026, 12, 1), 15));
        Assert.All(plans, t => Assert.Equal(expectedDue, t.DueAt));
        Assert.All(plans, t => Assert.True(t.DueAt > t.CreatedAt));
        Assert.All(plans, t => Assert.Equal(WarningLight.Green, WarningLights.Compute(t.DueAt, h.Clock.GetUtcNow())));

        var dueText = $"{DueDay.Of(expectedDue).Year}年{DueDay.Of(expectedDue).Month}月{DueDay.Of(expectedDue).Day}日";
        var assigned = await db.Outbox.AsNoTracking().Where(m => m.Kind == "TaskAssigned").ToListAsync();
        var planMails = assigned.Where(m => plans.Any(p => m.DedupKey.Contains(p.Id.ToString(), StringComparison.Ordinal))).ToList();
        Assert.True(planMails.Count >= 10, $"{planMails.Count} assignment emails for the 10 plans");
        Assert.All(planMails, m => Assert.Contains(dueText, m.TextBody, StringComparison.Ordinal));
        // The email says from which day the deadline counts, and the policy keeps that day for its page.
        Assert.All(planMails, m => Assert.Contains("交办日期：2026年12月1日", m.TextBody, StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2026, 12, 1), (await db.Policies.AsNoTracking().SingleAsync(p => p.Id == policy.Id)).TrackingStartOn);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ImportingAfterTheEffectiveDate_WithATrackingStart_CountsDueDatesFromThatDay(string provider)
    {
        await using var h = await StartOnLaunchDayAsync(provider);
        var start = new DateOnly(2026, 12, 7);
        var policy = await h.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedPolicy.Text, TrackingStartOn: start), "office");
        Assert.Equal(start, policy.TrackingStartOn);
        await h.Services.GetRequiredService<PolicyLauncher>().LaunchAsync(policy.Id, "office");
        await h.Pump.DrainAsync();

        await using var db = h.Db.Create();
        var planIds = await db.TaskFacts.Where(f => f.Step == StepNames.Plan).Select(f => f.TaskId).ToListAsync();
        var plans = await db.Tasks.AsNoTracking().Where(t => planIds.Contains(t.Id)).ToListAsync();
        var expectedDue = DueDay.ToDueAt(h.Services.GetRequiredService<WorkingCalendar>().AddWorkingDays(start, 15));
        Assert.Equal(10, plans.Count);
        Assert.All(plans, t => Assert.Equal(expectedDue, t.DueAt));
        var mail = await db.Outbox.AsNoTracking().FirstAsync(m => m.Kind == "TaskAssigned" && m.DedupKey.Contains(plans[0].Id.ToString()));
        Assert.Contains("交办日期：2026年12月7日", mail.TextBody, StringComparison.Ordinal);
    }

    // 2026-12-01 09:30 Shanghai, long after the seed took effect, with the city and county templates published.
    private static async Task<WorkflowHarness> StartOnLaunchDayAsync(string provider)
    {
        var h = await WorkflowHarness.StartAsync(provider, now: ChinaTime.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 30)));
        foreach (var name in WorkflowTemplates.Shared)
        {
            await h.Definitions.SaveAndPublishAsync(WorkflowTemplates.Read(name), "seed");
        }
        return h;
    }

    public static TheoryData<string, string> BadTrackingStarts() => new()
    {
        { "2024-08-20", "早于施行日期" },
        { "2028-01-01", "more than a year ahead" },
    };

    [Theory]
    [MemberData(nameof(BadTrackingStarts))]
    public async Task ATrackingStartBeforeTheEffectiveDateOrFarAhead_IsRefusedAtImportAndLaunch_AndNothingChanges(string day, string reason)
    {
        var now = ChinaTime.At(new DateOnly(2026, 12, 1), new TimeOnly(9, 30));
        await using var h = await WorkflowHarness.StartAsync("Sqlite", now: now);
        var publisher = h.Services.GetRequiredService<PolicyPublisher>();
        var start = DateOnly.Parse(day, System.Globalization.CultureInfo.InvariantCulture);

        var refused = await Assert.ThrowsAsync<PolicyImportException>(() => publisher.PublishAsync(new ImportRequest(SeedPolicy.Text, TrackingStartOn: start), "office"));
        Assert.Contains(refused.Problems, p => p.Contains(reason, StringComparison.Ordinal));

        var policy = await publisher.PublishAsync(new ImportRequest(SeedPolicy.Text), "office");
        var launch = await Assert.ThrowsAsync<Engine.Runtime.EngineException>(() =>
            h.Services.GetRequiredService<PolicyLauncher>().LaunchAsync(policy.Id, "office", start));
        Assert.Contains(reason, launch.Message, StringComparison.Ordinal);
        await using var db = h.Db.Create();
        Assert.Equal(0, await db.Instances.CountAsync());
        Assert.Null((await db.Policies.AsNoTracking().SingleAsync()).TrackingStartOn);
    }
}
