using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>The reads behind the dashboard and the instance viewer's journal; each opens its own short-lived context.</summary>
internal sealed class StudioQueries(DbFactory db, StudioAccess access, TimeProvider clock, InstanceQueries instances)
{
    /// <summary>The open tasks and the instances the user may see, as the inbox and instance list show them.</summary>
    public async Task<DashboardCounts> DashboardAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(user);
        await using var context = db.Create();
        var visibility = access.Over(context);
        var tasks = await visibility.TasksAsync(context.Tasks.AsNoTracking(), user, ct);
        var open = await tasks.Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed)
            .Select(t => t.DueAt).ToListAsync(ct);
        var now = clock.GetUtcNow();
        var mine = open.Select(due => WarningLights.Compute(due, now)).ToList();
        var instances = await visibility.InstancesAsync(context.Instances.AsNoTracking(), user, ct);
        var running = await instances.CountAsync(i => i.Status == InstanceStatus.Running || i.Status == InstanceStatus.Waiting, ct);
        var faulted = await instances.CountAsync(i => i.Status == InstanceStatus.Faulted, ct);
        return new DashboardCounts(mine.Count, mine.Count(l => l == WarningLight.Red), mine.Count(l => l == WarningLight.Yellow),
            mine.Count(l => l == WarningLight.Green), running, faulted);
    }

    /// <summary>The instance's journal as <paramref name="caller"/> may see it (<see cref="InstanceQueries.JournalAsync"/>).</summary>
    public Task<IReadOnlyList<JournalEntry>> JournalAsync(Auth.Caller caller, Guid instanceId, CancellationToken ct = default) =>
        instances.JournalAsync(caller, instanceId, ct);
}
