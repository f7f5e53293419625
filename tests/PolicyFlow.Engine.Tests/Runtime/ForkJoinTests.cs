using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class ForkJoinTests
{
    [Theory]
    [ClassData(typeof(ProvidersAndOrders))]
    public async Task CompletingBothTasks_InEitherOrder_CompletesTheInstanceOnce(string provider, bool aFirst)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.ForkJoin);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");

        var tasks = await h.TasksAsync(instance.Id);
        Assert.Equal(["Task A", "Task B"], tasks.Select(t => t.Title));
        Assert.Equal(InstanceStatus.Waiting, (await h.InstanceAsync(instance.Id)).Status);

        var (first, second) = aFirst ? (tasks[0], tasks[1]) : (tasks[1], tasks[0]);
        await h.Engine.CompleteTaskAsync(first.Id, "Done", "user");
        Assert.Equal(InstanceStatus.Waiting, (await h.InstanceAsync(instance.Id)).Status);
        await h.Engine.CompleteTaskAsync(second.Id, "Done", "user");

        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(instance.Id)).Status);
        var journal = await h.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == JournalKinds.Completed);
        Assert.Single(journal, j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
        Assert.Single(journal, j => j.Kind == JournalKinds.ActivityStarted && j.ActivityId == "end");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CompletingBothTasks_AtTheSameMomentFromTwoThreads_CompletesExactlyOnce(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.ForkJoin);
        for (var round = 0; round < 5; round++)
        {
            var instance = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");
            var tasks = await h.TasksAsync(instance.Id);
            using var gate = new Barrier(2);
            var results = await Task.WhenAll(tasks.Select(t => Task.Run(async () =>
            {
                gate.SignalAndWait();
                return await h.Engine.CompleteTaskAsync(t.Id, "Done", "user");
            })));

            Assert.All(results, r => Assert.True(r.WasChanged));
            Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(instance.Id)).Status);
            var journal = await h.JournalAsync(instance.Id);
            Assert.Single(journal, j => j.Kind == JournalKinds.Completed);
            Assert.Single(journal, j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
            Assert.Equal(2, journal.Count(j => j.Kind == JournalKinds.TaskCompleted));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CompletingATaskASecondTime_ChangesNothing(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.ForkJoin);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");
        var task = (await h.TasksAsync(instance.Id))[0];

        var first = await h.Engine.CompleteTaskAsync(task.Id, "Done", "user");
        var journalAfterFirst = (await h.JournalAsync(instance.Id)).Count;
        var second = await h.Engine.CompleteTaskAsync(task.Id, "Done", "someone-else");

        Assert.True(first.WasChanged);
        Assert.False(second.WasChanged);
        Assert.Equal("user", second.Task.CompletedBy);
        Assert.Equal(journalAfterFirst, (await h.JournalAsync(instance.Id)).Count);
        Assert.Equal(InstanceStatus.Waiting, (await h.InstanceAsync(instance.Id)).Status);
        Assert.Single(await h.TasksAsync(instance.Id, WorkTaskStatus.Open));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CompletingWithAnOutcomeTheTaskDoesNotHave_IsRefusedAndChangesNothing(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.ForkJoin);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");
        var task = (await h.TasksAsync(instance.Id))[0];

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Engine.CompleteTaskAsync(task.Id, "Approve", "user"));

        Assert.Equal(EngineError.Invalid, error.Error);
        Assert.Contains("Approve", error.Message);
        Assert.Equal(2, (await h.TasksAsync(instance.Id, WorkTaskStatus.Open)).Count);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task LaunchingWithTheSameInstanceIdTwice_LaunchesOnce(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.ForkJoin);
        var id = Guid.NewGuid();

        await h.Engine.LaunchAsync(new LaunchRequest("fork-join") { InstanceId = id }, "lead");
        await h.Engine.LaunchAsync(new LaunchRequest("fork-join") { InstanceId = id }, "lead");

        Assert.Equal(2, (await h.TasksAsync(id)).Count);
        Assert.Single(await h.JournalAsync(id), j => j.Kind == JournalKinds.Launched);
    }
}
