using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Tests.Support;
using PolicyFlow.Testing;

namespace PolicyFlow.Engine.Tests.Runtime;

public sealed class ChildInstanceTests
{
    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AParentWaitsForEveryChild_AndTheLastChildsCompletionResumesIt(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent());

        var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent", CorrelationId: "policy-1"), "lead");

        var children = await ChildrenAsync(h, parent.Id);
        Assert.Equal(3, children.Count);
        Assert.All(children, c => Assert.Equal("policy-1", c.CorrelationId));
        var childTasks = new List<WorkTask>();
        foreach (var child in children)
        {
            childTasks.AddRange(await h.TasksAsync(child.Id));
        }
        Assert.Equal(["Work r1", "Work r2", "Work r3"], childTasks.Select(t => t.Title).Order());
        Assert.Equal(["r1", "r2", "r3"], childTasks.Select(t => t.Assignee).Order());

        for (var i = 0; i < childTasks.Count; i++)
        {
            Assert.Empty(await h.TasksAsync(parent.Id));
            await h.Engine.CompleteTaskAsync(childTasks[i].Id, "Done", "county");
            // A repeated completion must not count the same child twice.
            await h.Engine.CompleteTaskAsync(childTasks[i].Id, "Done", "county");
        }

        var report = Assert.Single(await h.TasksAsync(parent.Id));
        Assert.Equal("Report", report.Title);
        Assert.All(await ChildrenAsync(h, parent.Id), c => Assert.Equal(InstanceStatus.Completed, c.Status));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task AParentWithACompletionRule_GoesOnWhenEnoughChildrenComplete(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent(required: 2));
        var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent"), "lead");
        var children = await ChildrenAsync(h, parent.Id);

        await h.Engine.CompleteTaskAsync((await h.TasksAsync(children[0].Id))[0].Id, "Done", "county");
        Assert.Empty(await h.TasksAsync(parent.Id));
        await h.Engine.CompleteTaskAsync((await h.TasksAsync(children[1].Id))[0].Id, "Done", "county");
        Assert.Single(await h.TasksAsync(parent.Id));

        // The third child finishing later does not resume the parent again.
        await h.Engine.CompleteTaskAsync((await h.TasksAsync(children[2].Id))[0].Id, "Done", "county");
        Assert.Single(await h.TasksAsync(parent.Id));
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task CancellingAParent_CancelsItsChildrenAndTheirTasks(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent());
        var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent"), "lead");

        Assert.True(await h.Engine.CancelAsync(parent.Id, "office"));
        Assert.False(await h.Engine.CancelAsync(parent.Id, "office"));

        Assert.Equal(InstanceStatus.Cancelled, (await h.InstanceAsync(parent.Id)).Status);
        foreach (var child in await ChildrenAsync(h, parent.Id))
        {
            Assert.Equal(InstanceStatus.Cancelled, child.Status);
            Assert.All(await h.TasksAsync(child.Id), t => Assert.Equal(WorkTaskStatus.Cancelled, t.Status));
        }
    }

    [Theory]
    [ClassData(typeof(Providers))]
    public async Task ChildrenCompletingAllAtOnce_AreEachCountedIntoTheParentsWait_SoTheParentGoesOnOnce(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        await h.PublishAsync(Flows.Child);
        await h.PublishAsync(Flows.Parent());
        var regions = new System.Text.Json.Nodes.JsonArray([.. Enumerable.Range(1, 12).Select(i => (System.Text.Json.Nodes.JsonNode)$"r{i}")]);
        for (var round = 0; round < 3; round++)
        {
            var parent = await h.Engine.LaunchAsync(new LaunchRequest("parent", new System.Text.Json.Nodes.JsonObject { ["regions"] = regions.DeepClone() }), "lead");
            var tasks = new List<WorkTask>();
            foreach (var child in await ChildrenAsync(h, parent.Id))
            {
                tasks.AddRange(await h.TasksAsync(child.Id));
            }
            Assert.Equal(12, tasks.Count);

            // Every child resumes the same wait of the parent at the same moment: none may be lost, none counted twice.
            using var gate = new Barrier(tasks.Count);
            var results = await Task.WhenAll(tasks.Select(t => Task.Run(async () =>
            {
                gate.SignalAndWait();
                return await h.Engine.CompleteTaskAsync(t.Id, "Done", "county");
            })));

            Assert.All(results, r => Assert.True(r.WasChanged));
            Assert.All(await ChildrenAsync(h, parent.Id), c => Assert.Equal(InstanceStatus.Completed, c.Status));
            Assert.Equal("Report", Assert.Single(await h.TasksAsync(parent.Id)).Title);
        }
    }

    private static async Task<List<WorkflowInstance>> ChildrenAsync(WorkflowHarness h, Guid parentId)
    {
        await using var db = h.Db.Create();
        return await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == parentId).OrderBy(i => i.VariablesJson).ToListAsync();
    }
}
