using System.Text.Json.Nodes;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class ReviewLoopTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AReturnedSubmission_GoesBackForRework_AndAcceptanceEndsTheInstance(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Review);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("review"), "lead");

        await h.Engine.CompleteTaskAsync(Open(await h.TasksAsync(instance.Id)).Id, "Done", "co-agency");
        await h.Engine.CompleteTaskAsync(Open(await h.TasksAsync(instance.Id)).Id, "Return", "lead", comment: "附件缺失");
        var rework = Open(await h.TasksAsync(instance.Id));
        Assert.Equal("Submit", rework.Title);
        await h.Engine.CompleteTaskAsync(rework.Id, "Done", "co-agency");
        await h.Engine.CompleteTaskAsync(Open(await h.TasksAsync(instance.Id)).Id, "Accept", "lead", new JsonObject { ["score"] = 95 });

        var done = await h.InstanceAsync(instance.Id);
        Assert.Equal(InstanceStatus.Completed, done.Status);
        var review = JsonNode.Parse(done.VariablesJson)!["review"]!;
        Assert.Equal("Accept", review["outcome"]!.GetValue<string>());
        Assert.Equal(95, review["data"]!["score"]!.GetValue<int>());

        var journal = await h.JournalAsync(instance.Id);
        Assert.Equal([JournalKinds.Launched, JournalKinds.ActivityStarted, JournalKinds.ActivityCompleted], journal.Take(3).Select(j => j.Kind));
        Assert.Equal(4, journal.Count(j => j.Kind == JournalKinds.TaskCreated));
        Assert.Equal(4, journal.Count(j => j.Kind == JournalKinds.BookmarkCreated));
        Assert.Equal(4, journal.Count(j => j.Kind == JournalKinds.BookmarkResumed));
        Assert.Contains(journal, j => j.Kind == JournalKinds.TaskCompleted && j.Actor == "lead" && j.DataJson.Contains("附件缺失"));
        Assert.Equal(JournalKinds.Completed, journal[^1].Kind);
    }

    private static WorkTask Open(List<WorkTask> tasks) => Assert.Single(tasks, t => t.IsOpen);
}
