using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Instances;

/// <summary>One instance as the caller may read it (<see cref="InstanceView"/>): variables only when whole.</summary>
internal sealed record InstanceRead(WorkflowInstance Instance, bool Whole, string? VariablesJson, IReadOnlyDictionary<string, ActivityState> Activities,
    IReadOnlyList<Bookmark> Bookmarks, IReadOnlyList<WorkTask> Tasks, IReadOnlyList<WorkflowTimer> Timers);

/// <summary>
/// Reading an instance, its journal and its timers, filtered to what the caller may see — the API's
/// <c>/api/workflow-instances/{id}…</c> and the Studio's instance viewer both read through here. An instance the caller
/// may not see at all is "not found".
/// </summary>
internal sealed class ReadInstance(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions)
{
    public async Task<InstanceRead> DetailAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var (instance, view) = await OpenAsync(db, caller, id, cancellationToken);
        var state = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, DefinitionJson.Options) ?? new InstanceState();
        var all = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.CreatedAt).ToListAsync(cancellationToken);
        var tasks = view.Tasks(all.AsQueryable()).ToList();
        var visibleTasks = tasks.Select(t => t.Id).ToHashSet();
        var activities = view.Activities(state, all, tasks);
        var bookmarks = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == id && b.ConsumedAt == null).ToListAsync(cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        return new InstanceRead(instance, view.Whole, view.Whole ? instance.VariablesJson : null, activities,
            view.Whole ? bookmarks : [.. bookmarks.Where(b => activities.ContainsKey(b.ActivityId))], tasks, view.Timers(timers, visibleTasks));
    }

    public async Task<IReadOnlyList<JournalEntry>> JournalAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var (_, view) = await OpenAsync(db, caller, id, cancellationToken);
        var entries = await db.Journal.AsNoTracking().Where(j => j.InstanceId == id).OrderBy(j => j.Id).ToListAsync(cancellationToken);
        return view.Journal(entries, await VisibleTasksAsync(db, view, id, cancellationToken));
    }

    public async Task<IReadOnlyList<WorkflowTimer>> TimersAsync(Caller caller, Guid id, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var (_, view) = await OpenAsync(db, caller, id, cancellationToken);
        var timers = await db.Timers.AsNoTracking().Where(t => t.InstanceId == id).OrderBy(t => t.DueAt).ToListAsync(cancellationToken);
        return view.Timers(timers, await VisibleTasksAsync(db, view, id, cancellationToken));
    }

    private async Task<(WorkflowInstance Instance, InstanceView View)> OpenAsync(PolicyFlowDbContext db, Caller caller, Guid id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var instance = await db.Instances.AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, cancellationToken);
        var view = instance is null ? InstanceView.Nothing : await new Visibility(db, catalog, regions).InstanceViewAsync(caller, id, cancellationToken);
        return instance is not null && view.Any ? (instance, view) : throw EngineException.NotFound($"Workflow instance {id} does not exist.");
    }

    private static async Task<IReadOnlySet<Guid>> VisibleTasksAsync(PolicyFlowDbContext db, InstanceView view, Guid id,
        CancellationToken cancellationToken) =>
        view.Whole ? new HashSet<Guid>() : (await view.Tasks(db.Tasks.AsNoTracking().Where(t => t.InstanceId == id)).Select(t => t.Id).ToListAsync(cancellationToken)).ToHashSet();
}
