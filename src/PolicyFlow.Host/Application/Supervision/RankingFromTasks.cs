using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// The ranking's counts from the tasks themselves: for a scope narrower than the province or one policy, which the
/// per-day counters (keyed by the ranked entity alone) cannot filter. Such a ranking reads a part of the tasks.
/// </summary>
internal static class RankingFromTasks
{
    public static async Task<RankingCounts> CountAsync(PolicyFlowDbContext db, IQueryable<TaskFacts> rows, IQueryable<TaskFacts> due,
        Expression<Func<TaskFacts, string?>> key, RankingPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var start = period.Start;
        var end = period.End;
        // One pass over the period's due tasks (the covering index IX_pf_task_facts_due) by (key, due day).
        var byDueDay = await DueByDayAsync(due, key, now, cancellationToken);
        var overdueNow = await rows.Open().Where(r => r.DueAt <= now)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        // A review runs again after every return too; the return is the reviewed step's, not the reviewer's.
        var returns = await rows.Where(r => r.Round > 1 && r.Step != StepNames.Review && r.CreatedAt >= start && r.CreatedAt < end)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        var extensions = await CountJoinedAsync(rows, db.Extensions.Where(e => e.Status == ExtensionStatus.Approved && e.DecidedAt >= start && e.DecidedAt < end)
            .Select(e => e.TaskId), key, cancellationToken);
        var urges = await CountJoinedAsync(rows, db.Urges.Where(u => u.At >= start && u.At < end).Select(u => u.TaskId), key, cancellationToken);
        return new RankingCounts(byDueDay, overdueNow, returns, extensions, urges);
    }

    /// <summary>A task of the period as (key, due day) with whether it was on time and whether it is late, for one GROUP BY.</summary>
    private sealed class DueTask
    {
        public string? Key { get; init; }
        public int? Day { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
    }

    private static Task<List<DueDayCounts>> DueByDayAsync(IQueryable<TaskFacts> due, Expression<Func<TaskFacts, string?>> key, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        Expression<Func<TaskFacts, string?, DueTask>> shape = (r, k) => new DueTask
        {
            Key = k,
            Day = r.DueDay,
            OnTime = r.Status == WorkTaskStatus.Completed && r.CompletedAt <= r.DueAt ? 1 : 0,
            Late = (r.Status == WorkTaskStatus.Completed && r.CompletedAt > r.DueAt) || (r.Status != WorkTaskStatus.Completed && r.DueAt <= now) ? 1 : 0,
        };
        return due.Select(RankingKey.WithKey(shape, key)).GroupBy(t => new { t.Key, t.Day })
            .Select(g => new DueDayCounts(g.Key.Key, g.Key.Day, g.Count(), g.Sum(t => t.OnTime), g.Sum(t => t.Late)))
            .ToListAsync(cancellationToken);
    }

    private sealed class TaskKey
    {
        public Guid TaskId { get; init; }
        public string? Key { get; init; }
    }

    /// <summary>
    /// Counts events of the period (approved extensions, urges) by the key of their task. The period's events are few next
    /// to the tasks, so their task ids are read first and the facts looked up by primary key; joining in SQL let
    /// PostgreSQL hash-join against a scan of every task (0.55 s at 1,000,000 tasks).
    /// </summary>
    private static async Task<Dictionary<string, int>> CountJoinedAsync(IQueryable<TaskFacts> rows, IQueryable<Guid> taskIds,
        Expression<Func<TaskFacts, string?>> key, CancellationToken cancellationToken)
    {
        var events = (await taskIds.ToListAsync(cancellationToken)).CountBy(id => id).ToDictionary(e => e.Key, e => e.Value);
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var chunk in events.Keys.Chunk(2_000))
        {
            Expression<Func<TaskFacts, string?, TaskKey>> shape = (r, k) => new TaskKey { TaskId = r.TaskId, Key = k };
            var keyed = await rows.Where(r => chunk.Contains(r.TaskId)).Select(RankingKey.WithKey(shape, key)).ToListAsync(cancellationToken);
            foreach (var task in keyed)
            {
                counts[task.Key ?? ""] = counts.GetValueOrDefault(task.Key ?? "") + events[task.TaskId];
            }
        }
        return counts;
    }
}
