using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>Tasks filtered by assignee, status, instance or correlation; open tasks by default, soonest due first.</summary>
internal static class Inbox
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (string? assignee, WorkTaskStatus? status, Guid? instanceId,
        string? correlationId, bool? all, int? skip, int? take, PolicyFlowDbContext db, CancellationToken ct) =>
    {
        var query = db.Tasks.AsNoTracking();
        query = assignee is null ? query : query.Where(t => t.Assignee == assignee);
        query = instanceId is null ? query : query.Where(t => t.InstanceId == instanceId);
        query = correlationId is null ? query : query.Where(t => t.CorrelationId == correlationId);
        query = status is not null ? query.Where(t => t.Status == status)
            : all == true ? query
            : query.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed);
        var total = await query.CountAsync(ct);
        var page = await query.OrderBy(t => t.DueAt == null).ThenBy(t => t.DueAt).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        return new { total, items = page.Select(TaskView.From) };
    });
}
