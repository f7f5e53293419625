using System.Data.Common;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine.Runtime;

/// <summary>The engine's front door: every call is one transaction, retried on a concurrency conflict, safe to repeat.</summary>
public sealed class WorkflowEngine(IEngineDbFactory dbFactory, WorkflowRuntime runtime, TimeProvider clock)
{
    private const int MaxAttempts = 12;

    /// <summary>Who fires timers, as the journal shows it: the host process, so an operator can tell hosts apart.</summary>
    public static readonly string TimerActor = $"timer@{Environment.MachineName}/{Environment.ProcessId}";

    public Task<WorkflowInstance> LaunchAsync(LaunchRequest request, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, async work =>
        {
            if (request.InstanceId is { } id && await work.Db.Instances.FindAsync([id], cancellationToken) is { } existing)
            {
                return existing;
            }
            return await runtime.LaunchAsync(work, request, null, null, cancellationToken);
        }, cancellationToken);

    public Task<bool> ResumeAsync(Guid bookmarkId, Stimulus stimulus, CancellationToken cancellationToken = default) =>
        InTransactionAsync(stimulus?.Actor ?? "system", work => runtime.ResumeAsync(work, bookmarkId, stimulus!, cancellationToken), cancellationToken);

    public Task<TaskActionResult> CompleteTaskAsync(Guid taskId, string outcome, string actor, JsonObject? data = null, string? comment = null,
        CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, work => runtime.CompleteTaskAsync(work, taskId, outcome, data, comment, cancellationToken), cancellationToken);

    /// <summary>Signs for (claims) a task; signing again changes nothing.</summary>
    public Task<TaskActionResult> ClaimTaskAsync(Guid taskId, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, async work =>
        {
            var task = await FindTaskAsync(work, taskId, cancellationToken);
            if (!task.Claim(actor, work.Now))
            {
                return TaskActionResult.Unchanged(task);
            }
            work.Journal(task.InstanceId, JournalKinds.TaskClaimed, task.ActivityId, taskId: task.Id);
            return TaskActionResult.Changed(task);
        }, cancellationToken);

    /// <summary>Records progress on an open task: a note and a percentage, journaled.</summary>
    public Task<TaskActionResult> ReportProgressAsync(Guid taskId, string note, int? percent, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, async work =>
        {
            var task = await FindTaskAsync(work, taskId, cancellationToken);
            task.ReportProgress(note, percent, actor, work.Now);
            work.Journal(task.InstanceId, JournalKinds.TaskProgress, task.ActivityId, new { note, percent }, task.Id);
            return TaskActionResult.Changed(task);
        }, cancellationToken);

    public Task<bool> CancelAsync(Guid instanceId, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, work => runtime.CancelAsync(work, instanceId, cancellationToken), cancellationToken);

    public Task RetryAsync(Guid instanceId, string actor, CancellationToken cancellationToken = default) =>
        InTransactionAsync(actor, async work =>
        {
            await runtime.RetryAsync(work, instanceId, cancellationToken);
            return true;
        }, cancellationToken);

    public Task<bool> FireTimerAsync(WorkflowTimer timer, CancellationToken cancellationToken = default) =>
        InTransactionAsync(TimerActor, work => runtime.FireTimerAsync(work, timer, cancellationToken), cancellationToken);

    /// <summary>Fires several timers in one transaction; each is still claimed on its own, so none fires twice.</summary>
    public Task<int> FireTimersAsync(IReadOnlyList<WorkflowTimer> timers, CancellationToken cancellationToken = default) =>
        InTransactionAsync(TimerActor, async work =>
        {
            var fired = 0;
            foreach (var timer in timers)
            {
                fired += await runtime.FireTimerAsync(work, timer, cancellationToken) ? 1 : 0;
            }
            return fired;
        }, cancellationToken);

    /// <summary>Runs <paramref name="work"/> in one transaction; on a conflict it starts again from a fresh read.</summary>
    public async Task<T> InTransactionAsync<T>(string actor, Func<UnitOfWork, Task<T>> work, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        for (var attempt = 1; ; attempt++)
        {
            await using var db = dbFactory.Create();
            using var writer = await SqliteWriters.EnterAsync(db, cancellationToken);
            try
            {
                await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
                var unit = new UnitOfWork(db, clock.GetUtcNow(), actor);
                var result = await work(unit);
                await unit.SaveAllAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
                return result;
            }
            catch (Exception ex) when (attempt < MaxAttempts && IsConflict(ex))
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(1, 5 * attempt)), cancellationToken);
            }
        }
    }

    private static async Task<WorkTask> FindTaskAsync(UnitOfWork work, Guid taskId, CancellationToken cancellationToken) =>
        await work.Db.Tasks.FindAsync([taskId], cancellationToken) ?? throw EngineException.NotFound($"Task {taskId} does not exist.");

    /// <summary>Another writer got there first (optimistic concurrency, a busy SQLite file, a serialization failure).</summary>
    private static bool IsConflict(Exception ex) => ex switch
    {
        DbUpdateConcurrencyException => true,
        DbUpdateException { InnerException: { } inner } => IsConflict(inner) || inner is DbException,
        DbException db => db.IsTransient || db.SqlState is "40001" or "40P01" or "23505" || db.ErrorCode is 5 or 6,
        InvalidOperationException { InnerException: { } inner } => IsConflict(inner),
        _ => false,
    };
}
