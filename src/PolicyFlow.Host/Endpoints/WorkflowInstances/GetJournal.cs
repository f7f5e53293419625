using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>The instance's history: every state change with time, actor and data, oldest first.</summary>
internal static class GetJournal
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/journal", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
    {
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct))
        {
            throw EngineException.NotFound($"Workflow instance {id} does not exist.");
        }
        var entries = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync(ct);
        return entries.Select(j => new { j.Id, j.At, j.Actor, j.Kind, j.ActivityId, j.TaskId, data = JsonNode.Parse(j.DataJson) });
    });
}
