using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class TimerTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ADelay_FiresOnceWhenDue_AndResumesThePath(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Delay);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("delay"), "lead");
        var timer = Assert.Single(await h.TimersAsync(instance.Id));
        Assert.Equal(h.Clock.GetUtcNow().AddDays(3), timer.DueAt);

        h.Clock.Advance(TimeSpan.FromDays(3) - TimeSpan.FromSeconds(1));
        Assert.Equal(0, await h.Pump.DrainAsync());
        Assert.Empty(await h.TasksAsync(instance.Id));

        h.Clock.Advance(TimeSpan.FromSeconds(3));
        var pumps = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(() => h.Pump.DrainAsync())));

        Assert.Equal(1, pumps.Sum());
        Assert.Single(await h.TasksAsync(instance.Id));
        var fired = Assert.Single(await h.TimersAsync(instance.Id));
        Assert.Equal(TimerStatus.Fired, fired.Status);
        Assert.Equal(2000, fired.LatenessMs);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CancellingAWaitingInstance_CancelsItsTimers(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Delay);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("delay"), "lead");

        await h.Engine.CancelAsync(instance.Id, "office");
        h.Clock.Advance(TimeSpan.FromDays(4));

        Assert.Equal(0, await h.Pump.DrainAsync());
        Assert.Equal(TimerStatus.Cancelled, Assert.Single(await h.TimersAsync(instance.Id)).Status);
        Assert.Empty(await h.TasksAsync(instance.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ATimerPlannedInTheBurstThatEndsTheInstance_IsCancelledWithIt(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.DelayThenEnd);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("delay-then-end"), "lead");

        Assert.Equal(InstanceStatus.Completed, instance.Status);
        Assert.Equal(TimerStatus.Cancelled, Assert.Single(await h.TimersAsync(instance.Id)).Status);
        h.Clock.Advance(TimeSpan.FromDays(4));
        Assert.Equal(0, await h.Pump.DrainAsync());
        Assert.Empty(await h.TasksAsync(instance.Id));
    }
}
