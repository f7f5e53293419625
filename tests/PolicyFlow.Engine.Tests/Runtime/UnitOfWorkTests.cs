using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class UnitOfWorkTests
{
    private static readonly JsonArray TwelveRegions = [.. Enumerable.Range(1, 12).Select(i => (JsonNode)$"r{i}")];

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task LaunchingTwelveChildren_ReadsEachDefinitionOnce_AndSavesOnce(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent());

        using var activity = new DatabaseActivity(h.Db.ConnectionString);
        var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent", new JsonObject { ["regions"] = TwelveRegions.DeepClone() }), "lead");

        Assert.Equal(12, await CountAsync(h, db => db.Instances.CountAsync(i => i.ParentInstanceId == parent.Id)));
        // The parent's definition and the child's: not one look-up per child.
        Assert.Equal(2, activity.Commands.Count(c => c.Contains("pf_definitions", StringComparison.Ordinal)));
        Assert.Equal(1, activity.Saves);
        Assert.Equal(1, activity.TransactionsCommitted);
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task SiblingChildrenCompletingAtOnce_WaitForEachOther_InsteadOfConflictingAndStartingOver(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent());
        var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent", new JsonObject { ["regions"] = TwelveRegions.DeepClone() }), "lead");
        var tasks = await CountAsync(h, db => db.Tasks.AsNoTracking()
            .Where(t => db.Instances.Any(i => i.Id == t.InstanceId && i.ParentInstanceId == parent.Id)).ToListAsync());

        using var activity = new DatabaseActivity(h.Db.ConnectionString);
        using var gate = new Barrier(tasks.Count);
        await Task.WhenAll(tasks.Select(t => Task.Run(async () =>
        {
            gate.SignalAndWait();
            return await h.Engine.CompleteTaskAsync(t.Id, "Done", "county");
        })));

        Assert.Equal("Report", Assert.Single(await h.TasksAsync(parent.Id)).Title);
        // Every sibling resumed the same wait of the parent; each did it in the one transaction it began.
        Assert.Equal(12, activity.TransactionsCommitted);
        Assert.Equal(12, activity.TransactionsBegun);
        Assert.Equal(WorkTaskStatus.Completed, (await h.TasksAsync(tasks[0].InstanceId)).Single().Status);
    }

    private static async Task<T> CountAsync<T>(WorkflowHarness h, Func<Engine.Persistence.EngineDbContext, Task<T>> query)
    {
        await using var db = h.Db.Create();
        return await query(db);
    }
}
