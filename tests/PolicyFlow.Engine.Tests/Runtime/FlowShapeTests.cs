using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

/// <summary>Forks, joins and guards end to end: what a designer can draw, launched and completed on both databases.</summary>
public sealed class FlowShapeTests
{
    /// <summary>fork → a → join → c; fork → b, which ends without a connection.</summary>
    private const string BranchEndingElsewhere = """
    {
      "id": "branch-ends", "name": "A branch that ends before the join",
      "activities": [
        { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
        { "id": "a", "type": "HumanTask", "properties": { "title": "A", "assignee": "x" } },
        { "id": "b", "type": "HumanTask", "properties": { "title": "B", "assignee": "x" } },
        { "id": "join", "type": "Join" },
        { "id": "c", "type": "HumanTask", "properties": { "title": "C", "assignee": "x" } }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "A", "to": "a" }, { "from": "fork", "outcome": "B", "to": "b" },
        { "from": "a", "outcome": "Done", "to": "join" }, { "from": "join", "outcome": "Done", "to": "c" }
      ]
    }
    """;

    /// <summary>An outer fork whose first branch forks again (x, y) and joins before the outer join with branch b.</summary>
    private const string NestedForks = """
    {
      "id": "nested", "name": "Nested forks",
      "activities": [
        { "id": "start", "type": "Start" }, { "id": "outer", "type": "Fork" }, { "id": "inner", "type": "Fork" },
        { "id": "x", "type": "HumanTask", "properties": { "title": "X", "assignee": "x" } },
        { "id": "y", "type": "HumanTask", "properties": { "title": "Y", "assignee": "x" } },
        { "id": "b", "type": "HumanTask", "properties": { "title": "B", "assignee": "x" } },
        { "id": "innerJoin", "type": "Join" }, { "id": "outerJoin", "type": "Join" },
        { "id": "report", "type": "HumanTask", "properties": { "title": "Report", "assignee": "x" } }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "outer" },
        { "from": "outer", "outcome": "A", "to": "inner" }, { "from": "outer", "outcome": "B", "to": "b" },
        { "from": "inner", "outcome": "X", "to": "x" }, { "from": "inner", "outcome": "Y", "to": "y" },
        { "from": "x", "outcome": "Done", "to": "innerJoin" }, { "from": "y", "outcome": "Done", "to": "innerJoin" },
        { "from": "innerJoin", "outcome": "Done", "to": "outerJoin" }, { "from": "b", "outcome": "Done", "to": "outerJoin" },
        { "from": "outerJoin", "outcome": "Done", "to": "report" }
      ]
    }
    """;

    /// <summary>fork → a (a task that waits); fork → b → end.</summary>
    private const string EndWhileOthersWait = """
    {
      "id": "end-early", "name": "End while a branch waits",
      "activities": [
        { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
        { "id": "a", "type": "HumanTask", "properties": { "title": "A", "assignee": "x" } },
        { "id": "b", "type": "HumanTask", "properties": { "title": "B", "assignee": "x" } },
        { "id": "join", "type": "Join" }, { "id": "end", "type": "End" }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "A", "to": "a" }, { "from": "fork", "outcome": "B", "to": "b" },
        { "from": "a", "outcome": "Done", "to": "join" }, { "from": "b", "outcome": "Done", "to": "end" }
      ]
    }
    """;

    /// <summary>Two activities that lead to each other and never wait (the validator refuses it; stored as published before that rule).</summary>
    private const string EndlessLoop = """
    {
      "id": "loop", "name": "A loop that never waits",
      "variables": [ { "name": "n", "type": "number", "default": 0 } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "one", "type": "SetVariable", "properties": { "variable": "n", "value": 1 } },
        { "id": "two", "type": "SetVariable", "properties": { "variable": "n", "value": 2 } }
      ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "one" },
        { "from": "one", "outcome": "Done", "to": "two" }, { "from": "two", "outcome": "Done", "to": "one" }
      ]
    }
    """;

    /// <summary>A definition that runs itself as its own child, without end.</summary>
    private const string LaunchesItself = """
    {
      "id": "itself", "name": "Launches itself",
      "variables": [ { "name": "item", "type": "number" }, { "name": "items", "type": "array", "default": [1] } ],
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "again", "type": "RunChildren", "properties": { "definitionId": "itself", "items": { "var": "items" } } }
      ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "again" } ]
    }
    """;

    [Theory]
    [ClassData(typeof(ProvidersAndOrders))]
    public async Task ABranchThatEndsWithoutReachingItsJoin_IsNotWaitedFor_InEitherOrder(string provider, bool endingBranchFirst)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(BranchEndingElsewhere);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("branch-ends"), "lead");
        var tasks = await h.TasksAsync(instance.Id);
        var (first, second) = endingBranchFirst ? (tasks[1], tasks[0]) : (tasks[0], tasks[1]);

        await h.Engine.CompleteTaskAsync(first.Id, "Done", "user");
        Assert.DoesNotContain(await h.TasksAsync(instance.Id), t => t.Title == "C");
        await h.Engine.CompleteTaskAsync(second.Id, "Done", "user");

        var open = Assert.Single(await h.TasksAsync(instance.Id, WorkTaskStatus.Open));
        Assert.Equal("C", open.Title);
        Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "join");
        Assert.Equal(InstanceStatus.Waiting, (await h.InstanceAsync(instance.Id)).Status);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task NestedForks_JoinInnerFirst_ThenOuter_Once(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(NestedForks);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("nested"), "lead");
        var tasks = (await h.TasksAsync(instance.Id)).ToDictionary(t => t.Title);
        Assert.Equal(["B", "X", "Y"], tasks.Keys.Order());

        await h.Engine.CompleteTaskAsync(tasks["X"].Id, "Done", "user");
        await h.Engine.CompleteTaskAsync(tasks["B"].Id, "Done", "user");
        Assert.DoesNotContain(await h.TasksAsync(instance.Id), t => t.Title == "Report");
        await h.Engine.CompleteTaskAsync(tasks["Y"].Id, "Done", "user");

        Assert.Equal("Report", Assert.Single(await h.TasksAsync(instance.Id, WorkTaskStatus.Open)).Title);
        var journal = await h.JournalAsync(instance.Id);
        Assert.Single(journal, j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "innerJoin");
        Assert.Single(journal, j => j.Kind == JournalKinds.ActivityCompleted && j.ActivityId == "outerJoin");
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task End_WhileAnotherBranchWaits_CompletesTheInstance_AndCancelsTheWaitingTask(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(EndWhileOthersWait);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("end-early"), "lead");
        var tasks = (await h.TasksAsync(instance.Id)).ToDictionary(t => t.Title);

        await h.Engine.CompleteTaskAsync(tasks["B"].Id, "Done", "user");

        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(instance.Id)).Status);
        Assert.Equal(WorkTaskStatus.Cancelled, (await h.TasksAsync(instance.Id)).Single(t => t.Title == "A").Status);
        // The waiting branch's task, completed late, changes nothing.
        var late = await h.Engine.CompleteTaskAsync(tasks["A"].Id, "Done", "user");
        Assert.False(late.WasChanged);
        Assert.Single(await h.JournalAsync(instance.Id), j => j.Kind == JournalKinds.Completed);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task APathThatNeverWaits_IsStoppedByTheStepGuard_AsAnIncident(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await using (var db = h.Db.Create())
        {
            db.Definitions.Add(new WorkflowDefinitionVersion
            {
                DefinitionId = "loop", Version = 1, Name = "loop", Status = DefinitionStatus.Published, Json = EndlessLoop,
                CreatedAt = h.Clock.GetUtcNow(), PublishedAt = h.Clock.GetUtcNow(), PublishedBy = "test",
            });
            await db.SaveChangesAsync();
        }

        var instance = await h.Engine.LaunchAsync(new LaunchRequest("loop"), "lead");

        var stored = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Faulted, stored.Status);
        Assert.Contains("more than 10000 steps", stored.IncidentMessage);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ADefinitionThatLaunchesItself_IsRefusedByTheFollowupGuard_AndNothingIsWritten(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        h.Services.GetRequiredService<WorkflowRuntime>().MaxFollowups = 25;
        await h.PublishAsync(LaunchesItself);

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Engine.LaunchAsync(new LaunchRequest("itself"), "lead"));

        Assert.Equal(EngineError.Invalid, error.Error);
        Assert.Contains("launch itself", error.Message);
        await using var db = h.Db.Create();
        Assert.Equal(0, await db.Instances.CountAsync());
    }
}
