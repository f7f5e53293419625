using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Instances;

/// <summary>An instance with everything the viewer draws: its definition, activity states, tasks and timers.</summary>
internal sealed record InstanceDetail(WorkflowInstance Instance, string DefinitionJson, IReadOnlyDictionary<string, string> States,
    IReadOnlyList<WorkTask> Tasks, IReadOnlyList<WorkflowTimer> Timers, string? VariablesJson)
{
    /// <summary>False when the caller sees only their own line's part of the instance.</summary>
    public bool Whole => VariablesJson is not null;
}

/// <summary>
/// What the instance viewer draws: <see cref="ReadInstance"/>'s filtered reading of an instance, with the definition
/// version it runs and each activity's state.
/// </summary>
internal sealed class InstanceDiagram(DbFactory db, ReadInstance reader)
{
    /// <summary>The instance as <paramref name="caller"/> may see it (<see cref="ReadInstance"/>), or null when they may not see it at all.</summary>
    public async Task<InstanceDetail?> DetailAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        InstanceRead read;
        try
        {
            read = await reader.DetailAsync(caller, id, ct);
        }
        catch (EngineException ex) when (ex.Error == EngineError.NotFound)
        {
            return null;
        }
        await using var context = db.Create();
        var instance = read.Instance;
        var definition = await context.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == instance.DefinitionId && d.Version == instance.DefinitionVersion)
            .Select(d => d.Json).FirstOrDefaultAsync(ct) ?? "{}";
        var states = read.Activities.ToDictionary(a => a.Key, a => a.Value.Status);
        // The incident's activity is the one to colour red, whatever its stored status says.
        if (instance is { Status: InstanceStatus.Faulted, IncidentActivityId: { } faulted })
        {
            states[faulted] = "Faulted";
        }
        return new InstanceDetail(instance, definition, states, read.Tasks, read.Timers, read.VariablesJson);
    }

    /// <summary>The journal lines <paramref name="caller"/> may see; none when they may not see the instance.</summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Caller caller, Guid id, CancellationToken ct = default)
    {
        try
        {
            return await reader.JournalAsync(caller, id, ct);
        }
        catch (EngineException ex) when (ex.Error == EngineError.NotFound)
        {
            return [];
        }
    }
}
