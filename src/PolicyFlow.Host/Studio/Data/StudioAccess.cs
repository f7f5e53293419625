using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>
/// The API's <see cref="Visibility"/> rules for the Studio. A circuit lives for hours, so each check opens its own
/// short-lived context instead of holding the circuit's scoped one.
/// </summary>
internal sealed class StudioAccess(DbFactory db, AgencyCatalog catalog, RegionDirectory regions)
{
    public Visibility Over(PolicyFlowDbContext context) => new(context, catalog, regions);

    public async Task<TaskAccess> TaskAsync(Caller caller, Guid taskId, CancellationToken ct = default)
    {
        await using var context = db.Create();
        return await Over(context).TaskAccessAsync(caller, taskId, ct);
    }

    public async Task<bool> CanReadInstanceAsync(Caller caller, Guid instanceId, CancellationToken ct = default)
    {
        await using var context = db.Create();
        return await Over(context).CanReadInstanceAsync(caller, instanceId, ct);
    }
}
