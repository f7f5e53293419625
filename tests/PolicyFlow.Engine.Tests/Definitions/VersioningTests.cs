using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Definitions;

public sealed class VersioningTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task APublishedVersionCannotChange_ANewVersionCan_AndRunningInstancesKeepTheirVersion(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.Definitions.SaveDraftAsync(Flows.ForkJoin, "office");
        var v1 = await h.Definitions.PublishAsync("fork-join", "office");
        var old = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");

        var again = await Assert.ThrowsAsync<EngineException>(() => h.Definitions.PublishAsync("fork-join", "office"));
        Assert.Equal(EngineError.Conflict, again.Error);

        // Editing after publishing opens version 2; version 1 stays as it was.
        var renamed = Flows.ForkJoin.Replace("\"Task B\"", "\"Task B, revised\"");
        var draft = await h.Definitions.SaveDraftAsync(renamed, "office");
        Assert.Equal(2, draft.Version);
        Assert.Equal(DefinitionStatus.Draft, draft.Status);
        Assert.Equal(v1.Json, (await h.Definitions.GetAsync("fork-join", 1))!.Json);

        // Until version 2 is published, launches still get version 1.
        Assert.Equal(1, (await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead")).DefinitionVersion);
        await h.Definitions.PublishAsync("fork-join", "office");
        var fresh = await h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead");

        Assert.Equal(2, fresh.DefinitionVersion);
        Assert.Contains(await h.TasksAsync(fresh.Id), t => t.Title == "Task B, revised");
        Assert.Equal(1, (await h.InstanceAsync(old.Id)).DefinitionVersion);
        foreach (var task in await h.TasksAsync(old.Id))
        {
            await h.Engine.CompleteTaskAsync(task.Id, "Done", "user");
        }
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(old.Id)).Status);
        Assert.Equal([2, 1], (await h.Definitions.VersionsAsync("fork-join")).Select(v => v.Version));
    }

    [Fact]
    public async Task LaunchingADefinitionWithNoPublishedVersion_SaysSo()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        await h.Definitions.SaveDraftAsync(Flows.ForkJoin, "office");

        var error = await Assert.ThrowsAsync<EngineException>(() => h.Engine.LaunchAsync(new LaunchRequest("fork-join"), "lead"));

        Assert.Equal(EngineError.NotFound, error.Error);
        Assert.Contains("no published version", error.Message);
    }

    [Fact]
    public async Task LaunchingWithAnInputThatIsNotAVariable_IsRefused()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        await h.PublishAsync(Flows.Child);

        var error = await Assert.ThrowsAsync<EngineException>(() =>
            h.Engine.LaunchAsync(new LaunchRequest("child", new System.Text.Json.Nodes.JsonObject { ["colour"] = "red" }), "lead"));

        Assert.Contains("'colour' is not a variable", error.Message);
    }
}
