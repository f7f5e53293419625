using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>The instance's timers: pending ones with their due time, fired ones with their lateness.</summary>
internal static class GetTimers
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/timers", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
    {
        if (!await db.Instances.AnyAsync(i => i.Id == id, ct))
        {
            throw EngineException.NotFound($"Workflow instance {id} does not exist.");
        }
        return await db.Timers.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.DueAt)
            .Select(t => new { t.Id, t.Kind, t.TaskId, t.DueAt, Status = t.Status.ToString(), t.FiredAt, t.LatenessMs }).ToListAsync(ct);
    });
}
