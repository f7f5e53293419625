using System.Security.Claims;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>An instance with everything the viewer draws: its definition, activity states, tasks and timers.</summary>
internal sealed record InstanceDetail(WorkflowInstance Instance, string DefinitionJson, IReadOnlyDictionary<string, string> States,
    IReadOnlyList<WorkTask> Tasks, IReadOnlyList<WorkflowTimer> Timers);

/// <summary>The reads behind the instance list and viewer.</summary>
internal sealed class InstanceQueries(DbFactory db, StudioAccess access)
{
    private const int ListLimit = 500;

    public async Task<IReadOnlyList<WorkflowInstance>> ListAsync(ClaimsPrincipal user, InstanceStatus? status, CancellationToken ct = default)
    {
        await using var context = db.Create();
        var query = await access.Over(context).InstancesAsync(context.Instances.AsNoTracking(), user, ct);
        query = status is { } s ? query.Where(i => i.Status == s) : query;
        return await query.OrderByDescending(i => i.CreatedAt).ThenBy(i => i.Id).Take(ListLimit).ToListAsync(ct);
    }

    public async Task<InstanceDetail?> DetailAsync(Guid id, CancellationToken ct = default)
    {
        await using var context = db.Create();
        var instance = await context.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct);
        if (instance is null)
        {
            return null;
        }
        var definition = await context.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == instance.DefinitionId && d.Version == instance.DefinitionVersion)
            .Select(d => d.Json).FirstOrDefaultAsync(ct) ?? "{}";
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, DefinitionJson.Options) ?? new InstanceState();
        var states = state.Activities.ToDictionary(a => a.Key, a => a.Value.Status);
        // The incident's activity is the one to colour red, whatever its stored status says.
        if (instance is { Status: InstanceStatus.Faulted, IncidentActivityId: { } faulted })
        {
            states[faulted] = "Faulted";
        }
        var tasks = await context.Tasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt).ToListAsync(ct);
        var timers = await context.Timers.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.DueAt).ToListAsync(ct);
        return new InstanceDetail(instance, definition, states, tasks, timers);
    }
}
