using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Instances;

/// <summary>The instances the caller may see (<see cref="Visibility"/>), newest first, filtered and paged.</summary>
internal sealed class ListInstances(DbFactory db, AgencyCatalog catalog, RegionDirectory regions)
{
    public const int MaxTake = 500;

    internal sealed record Request(string? DefinitionId = null, InstanceStatus? Status = null, string? CorrelationId = null, Guid? ParentId = null,
        int Skip = 0, int Take = 50);

    internal sealed record Page(int Total, IReadOnlyList<WorkflowInstance> Items);

    public async Task<Page> HandleAsync(ClaimsPrincipal user, Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var context = db.Create();
        var query = await new Visibility(context, catalog, regions).InstancesAsync(context.Instances.AsNoTracking(), user, ct);
        query = request.DefinitionId is null ? query : query.Where(i => i.DefinitionId == request.DefinitionId);
        query = request.Status is null ? query : query.Where(i => i.Status == request.Status);
        query = request.CorrelationId is null ? query : query.Where(i => i.CorrelationId == request.CorrelationId);
        query = request.ParentId is null ? query : query.Where(i => i.ParentInstanceId == request.ParentId);
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id)
            .Skip(Math.Max(0, request.Skip)).Take(Math.Clamp(request.Take, 1, MaxTake)).ToListAsync(ct);
        return new Page(total, items);
    }
}
