using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class IncidentTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AnActivityThatThrows_FaultsTheInstanceWithAnIncident_AndARetryAfterTheFixCompletesIt(string provider)
    {
        var flaky = new FlakyActivity();
        await using var h = await WorkflowHarness.StartAsync(provider, s => s.AddSingleton<IActivity>(flaky));
        await h.PublishAsync(Flows.Flaky);

        var instance = await h.Engine.LaunchAsync(new LaunchRequest("flaky"), "lead");

        var faulted = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, faulted.Status);
        Assert.Equal("call", faulted.IncidentActivityId);
        Assert.Equal("the registry service is unreachable", faulted.IncidentMessage);
        Assert.Equal(h.Clock.GetUtcNow(), faulted.IncidentAt);
        Assert.Empty(await h.TasksAsync(instance.Id));

        // Retrying before the cause is fixed faults again, with a fresh incident.
        h.Clock.Advance(TimeSpan.FromMinutes(5));
        await h.Engine.RetryAsync(instance.Id, "operator");
        Assert.Equal(InstanceStatus.Faulted, (await h.InstanceAsync(instance.Id)).Status);

        flaky.Broken = false;
        await h.Engine.RetryAsync(instance.Id, "operator");

        var retried = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Waiting, retried.Status);
        Assert.Null(retried.IncidentMessage);
        var task = Assert.Single(await h.TasksAsync(instance.Id));
        await h.Engine.CompleteTaskAsync(task.Id, "Done", "user");
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(instance.Id)).Status);
        var journal = await h.JournalAsync(instance.Id);
        Assert.Equal(2, journal.Count(j => j.Kind == JournalKinds.Faulted));
        Assert.Equal(2, journal.Count(j => j.Kind == JournalKinds.Retried));
    }

    [Fact]
    public async Task RetryingAnInstanceThatIsNotFaulted_IsAConflict()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        await h.PublishAsync(Flows.ForkJoin);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Engine.RetryAsync(instance.Id, "operator"));

        Assert.Equal(EngineError.Conflict, error.Error);
        Assert.Contains("not Faulted", error.Message);
    }
}
