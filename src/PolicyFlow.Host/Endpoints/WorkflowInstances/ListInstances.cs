using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

internal static class ListInstances
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (string? definitionId, InstanceStatus? status, string? correlationId,
        Guid? parentId, int? skip, int? take, PolicyFlowDbContext db, Auth.Access.Visibility visibility, System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
    {
        var query = await visibility.InstancesAsync(db.Instances.AsNoTracking(), user, ct);
        query = definitionId is null ? query : query.Where(i => i.DefinitionId == definitionId);
        query = status is null ? query : query.Where(i => i.Status == status);
        query = correlationId is null ? query : query.Where(i => i.CorrelationId == correlationId);
        query = parentId is null ? query : query.Where(i => i.ParentInstanceId == parentId);
        var total = await query.CountAsync(ct);
        var page = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
        return new { total, items = page.Select(InstanceSummary.From) };
    });
}
