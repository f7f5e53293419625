using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;
using PolicyFlow.Directories;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>The dashboard's counters: the caller's open tasks by light, and the instances it may see that run or are faulted.</summary>
internal sealed class Dashboard(DbFactory db, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock, WarningLightRule rule)
{
    /// <summary>The open tasks and the instances the user may see, as the inbox and instance list show them.</summary>
    public async Task<DashboardCounts> HandleAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = db.Create();
        var visibility = new Visibility(context, catalog, regions);
        var tasks = await visibility.TasksAsync(context.Tasks.AsNoTracking(), user, ct);
        var open = await tasks.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed)
            .Select(t => t.DueAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var mine = open.Select(due => rule.Of(due, now)).ToList();
        var instances = await visibility.InstancesAsync(context.Instances.AsNoTracking(), user, ct);
        var running = await instances.CountAsync(i => i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting, ct);
        var faulted = await instances.CountAsync(i => i.Status == InstanceStatus.Faulted, ct);
        return new DashboardCounts(mine.Count, mine.Count(l => l == WarningLight.Red), mine.Count(l => l == WarningLight.Yellow),
            mine.Count(l => l == WarningLight.Green), running, faulted);
    }
}
