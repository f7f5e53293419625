using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Application;

/// <summary>
/// One 经信 measure led by 省经信厅, cascaded with the shipped city and county templates to the 11 cities and 90 counties
/// (13 in 杭州), on a real database with a fake clock and the use cases — what the review-up-the-hierarchy tests act on.
/// </summary>
internal sealed class HierarchyReviewWorld : IAsyncDisposable
{
    public static Caller Shangcheng { get; } = Staff("jx-330102");
    public static Caller Hangzhou { get; } = Staff("jx-330100");
    public static Caller Ningbo { get; } = Staff("jx-330200");
    public static Caller Lead { get; } = Staff("jx-330000");
    public static Caller OtherProvincial { get; } = Staff("rlsb-330000");

    private HierarchyReviewWorld(WorkflowHarness harness, Guid root)
    {
        Harness = harness;
        Root = root;
    }

    public WorkflowHarness Harness { get; }
    public Guid Root { get; }

    public T Get<T>() where T : notnull => Harness.Services.GetRequiredService<T>();

    public static Caller Staff(string agency) => new(agency, new HashSet<string> { Roles.AgencyStaff }, agency);

    public static async Task<HierarchyReviewWorld> StartAsync(string provider)
    {
        var harness = await UseCaseHarness.StartAsync(provider, new DateTimeOffset(2024, 9, 2, 10, 0, 0, TimeSpan.FromHours(8)));
        await harness.PublishAsync("""
        { "id": "hr-measure", "name": "hr-measure",
          "variables": [ { "name": "policyId", "type": "string", "default": "hr-policy" }, { "name": "documentNumber", "type": "string", "default": "浙测〔2024〕1号" },
            { "name": "measureNo", "type": "integer", "default": 1 }, { "name": "measureTitle", "type": "string", "default": "加强工程师队伍建设" },
            { "name": "effectiveAt", "type": "datetime" }, { "name": "kind", "type": "string", "default": "jx" },
            { "name": "leadAgency", "type": "string", "default": "jx-330000" } ],
          "activities": [ { "id": "start", "type": "Start" },
            { "id": "cascade", "type": "Cascade", "properties": { "definitionId": "measure-city" } }, { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "cascade" }, { "from": "cascade", "outcome": "Done", "to": "end" } ] }
        """);
        var root = await harness.Engine.LaunchAsync(new PolicyFlow.Engine.Runtime.LaunchRequest("hr-measure"), "office");
        return new HierarchyReviewWorld(harness, root.Id);
    }

    /// <summary>The open task of <paramref name="assignee"/> at <paramref name="step"/>, of 上城区's instance or the city's (by region in the title).</summary>
    public async Task<WorkTask> OpenAsync(string assignee, string step, string? titleContains = null)
    {
        var tasks = await TasksAsync(assignee, step);
        return Assert.Single(tasks, t => t.IsOpen && (titleContains is null || t.Title.Contains(titleContains, StringComparison.Ordinal)));
    }

    public async Task<List<WorkTask>> TasksAsync(string assignee, string step)
    {
        await using var db = Harness.Db.Create();
        return await db.Tasks.AsNoTracking()
            .Where(t => t.Assignee == assignee && db.TaskFacts.Any(f => f.TaskId == t.Id && f.Step == step))
            .OrderBy(t => t.CreatedAt).ToListAsync();
    }

    public async Task<TaskFacts> FactsAsync(Guid taskId)
    {
        await using var db = Harness.Db.Create();
        return await db.TaskFacts.AsNoTracking().SingleAsync(f => f.TaskId == taskId);
    }

    /// <summary>The latest audit entry the use cases wrote about the task.</summary>
    public async Task<AuditEntry> LastAuditAsync(Guid taskId)
    {
        await using var db = Get<AccountsDb>().Create();
        var subject = PolicyFlow.Host.Application.Tasks.TaskGate.Subject(taskId);
        return await db.Audit.AsNoTracking().Where(a => a.Path == subject).OrderByDescending(a => a.Id).FirstAsync();
    }

    public ValueTask DisposeAsync() => Harness.DisposeAsync();
}
