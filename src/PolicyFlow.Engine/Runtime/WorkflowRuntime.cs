using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine.Runtime;

/// <summary>The engine's operations inside one unit of work; <see cref="WorkflowEngine"/> adds transactions and retries.</summary>
public sealed class WorkflowRuntime(
    ActivityRegistry registry,
    DefinitionStore definitions,
    IEnumerable<ITimerHandler> timerHandlers,
    IServiceProvider services)
{
    private readonly Dictionary<string, ITimerHandler> _timerHandlers = timerHandlers.ToDictionary(h => h.Kind);

    public ActivityRegistry Registry { get; } = registry;
    internal DefinitionStore Definitions { get; } = definitions;
    public IServiceProvider Services { get; } = services;

    /// <summary>Most follow-ups one unit of work may run: a definition that launches itself would otherwise never stop.</summary>
    internal int MaxFollowups { get; set; } = 10_000;

    public async Task<WorkflowInstance> LaunchAsync(UnitOfWork work, LaunchRequest request, Guid? parentId, Guid? parentBookmarkId,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(request);
        var instance = await LaunchOneAsync(work, request, parentId, parentBookmarkId, cancellationToken);
        await RunFollowupsAsync(work, cancellationToken);
        return instance;
    }

    private async Task<WorkflowInstance> LaunchOneAsync(UnitOfWork work, LaunchRequest request, Guid? parentId, Guid? parentBookmarkId,
        CancellationToken cancellationToken)
    {
        var (definition, version) = await Definitions.GetPublishedAsync(work, request.DefinitionId, request.Version, cancellationToken);
        var variables = BindInput(definition, request.Input);
        var instance = new WorkflowInstance
        {
            Id = request.InstanceId ?? Guid.NewGuid(),
            DefinitionId = request.DefinitionId,
            DefinitionVersion = version,
            Status = InstanceStatus.Running,
            CorrelationId = request.CorrelationId,
            ParentInstanceId = parentId,
            ParentBookmarkId = parentBookmarkId,
            VariablesJson = variables.ToJsonString(),
            CreatedAt = work.Now,
            UpdatedAt = work.Now,
        };
        work.Db.Instances.Add(instance);
        work.Instances[instance.Id] = instance;
        work.Journal(instance.Id, JournalKinds.Launched, data: new { request.DefinitionId, version, input = request.Input, parentId });
        var start = definition.Activities.First(a => a.Type == "Start");
        var open = new List<Bookmark>();
        work.OpenBookmarks[instance.Id] = open;
        var burst = new Burst(this, work, instance, definition, open);
        burst.Schedule(new Token(start.Id, []));
        await burst.RunAsync(cancellationToken);
        return instance;
    }

    /// <summary>Runs the queued follow-ups in order until none is left; each kind is handled here and nowhere else.</summary>
    private async Task RunFollowupsAsync(UnitOfWork work, CancellationToken cancellationToken)
    {
        if (work.DrainingFollowups)
        {
            return;
        }
        work.DrainingFollowups = true;
        try
        {
            var ran = 0;
            while (work.Followups.TryDequeue(out var followup))
            {
                if (++ran > MaxFollowups)
                {
                    throw EngineException.Invalid(
                        $"More than {MaxFollowups} child launches and parent resumptions in one transaction: does a definition launch itself as its own child?");
                }
                switch (followup)
                {
                    case Followup.LaunchChild(var parentId, var child):
                        work.Journal(parentId, JournalKinds.ChildStarted, data: new { child.DefinitionId, child.CorrelationId });
                        await LaunchOneAsync(work, new LaunchRequest(child.DefinitionId, child.Input, child.CorrelationId), parentId, child.BookmarkId,
                            cancellationToken);
                        break;
                    case Followup.NotifyParent(var parentId, var bookmarkId, var childId):
                        await ResumeOneAsync(work, parentId, bookmarkId,
                            new Stimulus("ChildCompleted", new JsonObject { ["childId"] = childId.ToString() }, work.Actor), cancellationToken);
                        break;
                    case Followup.CancelChild(var childId):
                        await CancelOneAsync(work, childId, cancellationToken);
                        break;
                }
            }
        }
        finally
        {
            work.DrainingFollowups = false;
        }
    }

    /// <summary>Resumes a bookmark. A consumed or unknown bookmark, or a finished instance, changes nothing.</summary>
    public async Task<bool> ResumeAsync(UnitOfWork work, Guid bookmarkId, Stimulus stimulus, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var resumed = await ResumeOneAsync(work, null, bookmarkId, stimulus, cancellationToken);
        await RunFollowupsAsync(work, cancellationToken);
        return resumed;
    }

    /// <param name="instanceId">The bookmark's instance when the caller knows it (a task's, a child's parent): saves looking it up.</param>
    private async Task<bool> ResumeOneAsync(UnitOfWork work, Guid? instanceId, Guid bookmarkId, Stimulus stimulus, CancellationToken cancellationToken)
    {
        instanceId ??= work.OpenBookmarks.Values.SelectMany(b => b).FirstOrDefault(b => b.Id == bookmarkId)?.InstanceId
            ?? await work.Db.Bookmarks.AsNoTracking().Where(b => b.Id == bookmarkId && b.ConsumedAt == null)
                .Select(b => (Guid?)b.InstanceId).FirstOrDefaultAsync(cancellationToken);
        if (instanceId is not { } id)
        {
            return false;
        }
        var instance = await LoadAsync(work, id, cancellationToken);
        if (instance.IsFinished)
        {
            return false;
        }
        // The instance's revision (or its row lock) is what makes a concurrent resume conflict or wait, so the bookmark is read
        // after it, with the instance's other open bookmarks: read before, a resume committed in between (another child counted
        // into the same wait) would be overwritten without a conflict.
        var open = await OpenBookmarksAsync(work, id, cancellationToken);
        if (open.Find(b => b.Id == bookmarkId) is not { } bookmark)
        {
            return false;
        }
        var burst = await BurstForAsync(work, instance, cancellationToken);
        burst.ScheduleResume(bookmark, stimulus);
        await burst.RunAsync(cancellationToken);
        return true;
    }

    public async Task<TaskActionResult> CompleteTaskAsync(UnitOfWork work, Guid taskId, string outcome, JsonObject? data, string? comment,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var task = await work.Db.Tasks.FindAsync([taskId], cancellationToken)
            ?? throw EngineException.NotFound($"Task {taskId} does not exist.");
        if (!task.Complete(outcome, comment, work.Actor, work.Now))
        {
            return TaskActionResult.Unchanged(task);
        }
        comment = task.Comment;
        work.Journal(task.InstanceId, JournalKinds.TaskCompleted, task.ActivityId, new { outcome, comment, data }, task.Id);
        await ResumeOneAsync(work, task.InstanceId, task.BookmarkId, Stimulus.OfCompletedTask(task, outcome, data, comment, work.Actor), cancellationToken);
        if (!work.Instances.TryGetValue(task.InstanceId, out var instance) || !instance.IsFinished)
        {
            // An instance that ended has had every pending timer cancelled, this task's too: no second statement for them.
            await CancelTimersAsync(work, t => t.TaskId == taskId, cancellationToken);
        }
        await RunFollowupsAsync(work, cancellationToken);
        return TaskActionResult.Changed(task);
    }

    /// <summary>Fires one timer if it is still pending: the conditional update is the claim, so it fires once.</summary>
    public async Task<bool> FireTimerAsync(UnitOfWork work, WorkflowTimer timer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(timer);
        var lateness = Math.Max(0, (long)(work.Now - timer.DueAt).TotalMilliseconds);
        var claimed = await work.Db.Timers
            .Where(t => t.Id == timer.Id && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(t => t.Status, TimerStatus.Fired)
                .SetProperty(t => t.FiredAt, work.Now)
                .SetProperty(t => t.LatenessMs, lateness), cancellationToken);
        if (claimed == 0)
        {
            return false;
        }
        work.Journal(timer.InstanceId, JournalKinds.TimerFired, data: new { timer = timer.Id, timer.Kind, timer.DueAt, latenessMs = lateness }, taskId: timer.TaskId);
        if (timer.BookmarkId is { } bookmarkId)
        {
            await ResumeAsync(work, bookmarkId, new Stimulus("Done", new JsonObject { ["timerId"] = timer.Id.ToString() }, work.Actor), cancellationToken);
        }
        else if (_timerHandlers.TryGetValue(timer.Kind, out var handler))
        {
            await handler.HandleAsync(work, timer, cancellationToken);
            await RunFollowupsAsync(work, cancellationToken);
        }
        return true;
    }

    /// <summary>Cancels an instance and, after it, every unfinished descendant.</summary>
    public async Task<bool> CancelAsync(UnitOfWork work, Guid instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var cancelled = await CancelOneAsync(work, instanceId, cancellationToken);
        await RunFollowupsAsync(work, cancellationToken);
        return cancelled;
    }

    private async Task<bool> CancelOneAsync(UnitOfWork work, Guid instanceId, CancellationToken cancellationToken)
    {
        var instance = await LoadAsync(work, instanceId, cancellationToken);
        if (instance.IsFinished)
        {
            return false;
        }
        await CloseAsync(work, instance, InstanceStatus.Cancelled, JournalKinds.Cancelled, cancellationToken);
        var children = await work.Db.Instances
            .Where(i => i.ParentInstanceId == instanceId && i.Status != InstanceStatus.Completed && i.Status != InstanceStatus.Cancelled)
            .Select(i => i.Id).ToListAsync(cancellationToken);
        foreach (var child in children)
        {
            work.Followups.Enqueue(new Followup.CancelChild(child));
        }
        return true;
    }

    public async Task RetryAsync(UnitOfWork work, Guid instanceId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        var instance = await LoadAsync(work, instanceId, cancellationToken);
        if (instance.Status != InstanceStatus.Faulted)
        {
            throw EngineException.Conflict($"Instance {instanceId} is {instance.Status}, not Faulted: there is nothing to retry.");
        }
        var burst = await BurstForAsync(work, instance, cancellationToken);
        var faulted = burst.State.Faulted.ToList();
        burst.State.Faulted.Clear();
        instance.IncidentActivityId = null;
        instance.IncidentMessage = null;
        instance.IncidentAt = null;
        work.Journal(instance.Id, JournalKinds.Retried, data: new { activities = faulted.Select(t => t.ActivityId) });
        foreach (var token in faulted)
        {
            burst.Schedule(token);
        }
        await burst.RunAsync(cancellationToken);
        await RunFollowupsAsync(work, cancellationToken);
    }

    /// <summary>Ends an instance: its bookmarks are consumed, open tasks and pending timers cancelled, its parent told (a follow-up).</summary>
    internal async Task CloseAsync(UnitOfWork work, WorkflowInstance instance, InstanceStatus status, string journalKind,
        CancellationToken cancellationToken)
    {
        instance.Status = status;
        instance.FinishedAt = work.Now;
        instance.UpdatedAt = work.Now;
        instance.Revision++;
        work.Journal(instance.Id, journalKind);
        var id = instance.Id;
        foreach (var bookmark in await OpenBookmarksAsync(work, id, cancellationToken))
        {
            bookmark.ConsumedAt = work.Now;
        }
        work.OpenBookmarks[id] = [];
        // The updates below go to the database directly: what this unit changed (the task just completed, a timer planned) is saved first.
        await work.SaveAsync(cancellationToken);
        var cancelledTasks = await work.Db.Tasks
            .Where(t => t.InstanceId == id && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed))
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, WorkTaskStatus.Cancelled).SetProperty(t => t.Revision, t => t.Revision + 1), cancellationToken);
        if (cancelledTasks > 0)
        {
            work.Journal(id, JournalKinds.TaskCancelled, data: new { count = cancelledTasks });
        }
        await CancelTimersAsync(work, t => t.InstanceId == id, cancellationToken);
        if (status == InstanceStatus.Completed && instance.ParentBookmarkId is { } parentBookmark)
        {
            work.Followups.Enqueue(new Followup.NotifyParent(instance.ParentInstanceId!.Value, parentBookmark, id));
        }
    }

    private static Task<int> CancelTimersAsync(UnitOfWork work, System.Linq.Expressions.Expression<Func<WorkflowTimer, bool>> which,
        CancellationToken cancellationToken) =>
        work.Db.Timers.Where(which).Where(t => t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), cancellationToken);

    /// <summary>
    /// The instance, read once per unit of work. On PostgreSQL the read takes the row's lock (FOR UPDATE): a sibling child
    /// resuming the same parent then waits for this transaction instead of conflicting at commit and starting over.
    /// </summary>
    private static async Task<WorkflowInstance> LoadAsync(UnitOfWork work, Guid instanceId, CancellationToken cancellationToken)
    {
        if (work.Instances.TryGetValue(instanceId, out var loaded))
        {
            return loaded;
        }
        var instance = (work.Db.Database.ProviderName?.Contains("Npgsql", StringComparison.Ordinal) == true
                ? (await work.Db.Instances.FromSqlRaw(LockInstanceSql(work.Db), instanceId).ToListAsync(cancellationToken)).FirstOrDefault()
                : await work.Db.Instances.FindAsync([instanceId], cancellationToken))
            ?? throw EngineException.NotFound($"Workflow instance {instanceId} does not exist.");
        work.Instances[instanceId] = instance;
        return instance;
    }

    private static string LockInstanceSql(EngineDbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(WorkflowInstance))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        return $"SELECT * FROM \"{table.Name}\" WHERE \"{entity.FindProperty(nameof(WorkflowInstance.Id))!.GetColumnName(table)}\" = {{0}} FOR UPDATE";
    }

    /// <summary>An instance's open bookmarks: queried the first time, then kept by the unit of work (bursts add and consume them).</summary>
    private static async Task<List<Bookmark>> OpenBookmarksAsync(UnitOfWork work, Guid instanceId, CancellationToken cancellationToken)
    {
        if (!work.OpenBookmarks.TryGetValue(instanceId, out var open))
        {
            open = await work.Db.Bookmarks.Where(b => b.InstanceId == instanceId && b.ConsumedAt == null).ToListAsync(cancellationToken);
            work.OpenBookmarks[instanceId] = open;
        }
        return open;
    }

    private async Task<Burst> BurstForAsync(UnitOfWork work, WorkflowInstance instance, CancellationToken cancellationToken)
    {
        var (definition, _) = await Definitions.GetPublishedAsync(work.Db, instance.DefinitionId, instance.DefinitionVersion, cancellationToken);
        return new Burst(this, work, instance, definition, await OpenBookmarksAsync(work, instance.Id, cancellationToken));
    }

    private static JsonObject BindInput(WorkflowDefinition definition, JsonObject? input)
    {
        var variables = new JsonObject();
        foreach (var declared in definition.Variables)
        {
            variables[declared.Name] = declared.Default?.DeepClone();
        }
        foreach (var (name, value) in input ?? [])
        {
            if (definition.Variables.All(v => v.Name != name))
            {
                throw EngineException.Invalid(
                    $"Input '{name}' is not a variable of definition '{definition.Id}'; declared: {string.Join(", ", definition.Variables.Select(v => v.Name))}.");
            }
            variables[name] = value?.DeepClone();
        }
        return variables;
    }
}
