using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>Tasks filtered by assignee, status, instance or correlation; open tasks by default, soonest due first.</summary>
internal static class Inbox
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (string? assignee, WorkTaskStatus? status, Guid? instanceId,
        string? correlationId, bool? all, string? light, int? skip, int? take, PolicyFlowDbContext db, TimeProvider clock, Auth.Access.Visibility visibility, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
    {
        var query = await visibility.TasksAsync(db.Tasks.AsNoTracking(), user, ct);
        query = assignee is null ? query : query.Where(t => t.Assignee == assignee);
        query = instanceId is null ? query : query.Where(t => t.InstanceId == instanceId);
        query = correlationId is null ? query : query.Where(t => t.CorrelationId == correlationId);
        query = status is not null ? query.Where(t => t.Status == status)
            : all == true ? query
            : query.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed);
        var now = clock.GetUtcNow();
        if (light is not null)
        {
            // The light is a function of the due date: filter on the same thresholds WarningLights uses.
            var yellowFrom = now.AddDays(WarningLights.YellowDays + 1);
            query = light switch
            {
                "Red" => query.Where(t => t.DueAt != null && t.DueAt <= now),
                "Yellow" => query.Where(t => t.DueAt != null && t.DueAt > now && t.DueAt <= yellowFrom),
                "Green" => query.Where(t => t.DueAt == null || t.DueAt > yellowFrom),
                _ => throw EngineException.Invalid($"light must be Red, Yellow or Green, not '{light}'."),
            };
        }
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        var ids = page.Select(t => t.Id).ToList();
        var facts = await db.TaskFacts.AsNoTracking().Where(f => ids.Contains(f.TaskId)).ToDictionaryAsync(f => f.TaskId, ct);
        return new { total, items = page.Select(t => TaskView.From(t, facts.GetValueOrDefault(t.Id), now)).Where(t => light is null || t.Light == light) };
    });
}
