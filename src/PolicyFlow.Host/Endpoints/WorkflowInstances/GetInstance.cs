using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>One instance with its variables, activity states, open bookmarks and tasks — what the instance viewer draws.</summary>
internal static class GetInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
    {
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
            ?? throw EngineException.NotFound($"Workflow instance {id} does not exist.");
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, DefinitionJson.Options)!;
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id && b.ConsumedAt == null)
            .Select(b => new { b.Id, b.ActivityId, Kind = b.Kind.ToString(), b.Key, b.CreatedAt }).ToListAsync(ct);
        var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt)
            .Select(t => new { t.Id, t.ActivityId, t.Title, t.Assignee, Status = t.Status.ToString(), t.DueAt, t.Outcome }).ToListAsync(ct);
        return new
        {
            instance = InstanceSummary.From(instance),
            variables = JsonNode.Parse(instance.VariablesJson),
            activities = state.Activities,
            bookmarks,
            tasks,
        };
    });
}
