using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 排名: provincial agencies, cities (with their counties) or counties ranked for a period by on-time completion, then by
/// what is overdue now and how late. Every figure is a count in the database; only the late tasks of the period are read
/// to count their working days late against the holiday calendar.
/// </summary>
internal sealed class RankingReport(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, WorkingCalendar calendar, TimeProvider clock)
{
    internal sealed record Request(string? Of = null, string? Period = null, DateOnly? From = null, DateOnly? To = null, string? PolicyId = null);

    /// <summary>The rule behind each figure, shown beside the ranking (zh-CN, en).</summary>
    public static IReadOnlyList<(string ZhCn, string En)> Rules { get; } =
    [
        ("应办结：办理期限在统计期内、且期限已到或已办结的任务（尚未到期的未办结任务和已撤销的不计）。", "Due: tasks whose due day falls in the period and has come, or that are done (open tasks not yet due and cancelled ones excluded)."),
        ("按期办结率 = 在期限内办结的任务 ÷ 应办结任务。", "On-time rate = tasks completed by their due day ÷ tasks due."),
        ("当前逾期：截至统计时刻仍未办结且已过期限的任务（不限统计期）。", "Overdue now: open tasks past their due day at the time of the report (any period)."),
        ("平均逾期工作日：统计期内到期而逾期（逾期办结或仍未办结）的任务，从期限次日到办结日（或今日）的工作日数的平均值，按国务院办公厅节假日安排计。", "Average working days late: over the period's tasks that were late (completed late or still open), the working days from the due day to completion (or today), by the State Council holiday calendar."),
        ("退办：统计期内被退回重办后再次交办的任务数。", "Returns: tasks assigned again in the period after a return for rework (退办)."),
        ("延期：统计期内批准的延期申请数。", "Extensions: extension requests approved in the period."),
        ("催办：统计期内收到的催办次数。", "Urges: urge notices (催办) received in the period."),
        ("排序：按期办结率从高到低，其次当前逾期从少到多，再次平均逾期工作日从少到多。", "Order: on-time rate high to low, then overdue now low to high, then average working days late low to high."),
    ];

    public async Task<Ranking> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        var now = clock.GetUtcNow();
        var period = RankingPeriod.Of(request.Period, request.From, request.To, ChinaTime.DateOf(now));
        var (of, filter, key) = Entities(request.Of);
        await using var db = dbFactory.Create();
        var rows = scope.Apply(ReportRows.All(db), db).Where(filter);
        rows = request.PolicyId is null ? rows : rows.Where(r => r.PolicyId == request.PolicyId);
        var start = period.Start;
        var end = period.End;

        // A task not yet due and still open is neither on time nor late: it counts once its due day has come or it is done.
        var due = rows.Where(r => r.DueAt >= start && r.DueAt < end && (r.DueAt <= now || r.Status == WorkTaskStatus.Completed));
        // One pass over the period's due tasks (the covering index IX_pf_task_facts_due) by (key, due day) gives the due,
        // on-time and late counts and the due-day side of the working days late: WorkingDaysBetween(a, b) = W(b) − W(a) for
        // a running count W of working days, so Σ days late = Σ W(end) − Σ W(due day), and no late task is read one by one.
        var byDueDay = await DueByDayAsync(due, key, now, cancellationToken);
        var dueCounts = byDueDay.GroupBy(d => d.Key ?? "").ToDictionary(g => g.Key, g => (Due: g.Sum(d => d.Due), OnTime: g.Sum(d => d.OnTime)));
        var overdueNow = await rows.Open().Where(r => r.DueAt <= now)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        // The completion side, from the few tasks completed late (the partial index IX_pf_task_facts_late).
        var lateByCompletedDay = await CountByCompletedDayAsync(due.Where(r => r.Status == WorkTaskStatus.Completed && r.CompletedAt > r.DueAt), key,
            cancellationToken);
        // A review runs again after every return too; the return is the reviewed step's, not the reviewer's.
        var returns = await rows.Where(r => r.Round > 1 && r.Step != StepNames.Review && r.CreatedAt >= start && r.CreatedAt < end)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        var extensions = await CountJoinedAsync(rows, db.Extensions.Where(e => e.Status == ExtensionStatus.Approved && e.DecidedAt >= start && e.DecidedAt < end)
            .Select(e => e.TaskId), key, cancellationToken);
        var urges = await CountJoinedAsync(rows, db.Urges.Where(u => u.At >= start && u.At < end).Select(u => u.TaskId), key, cancellationToken);

        var today = ChinaTime.DateOf(now);
        var running = new Dictionary<int, int>();
        int W(int day) => running.TryGetValue(day, out var w) ? w : running[day] = calendar.WorkingDaysBetween(period.From, TaskFacts.DayOf(day));
        var todayW = calendar.WorkingDaysBetween(period.From, today);
        var lateDays = byDueDay.Where(d => d.Late > 0).GroupBy(d => d.Key ?? "").ToDictionary(g => g.Key, g =>
        {
            var lateCount = g.Sum(d => d.Late);
            var completed = lateByCompletedDay.Where(c => (c.Key ?? "") == g.Key).ToList();
            var endSum = completed.Sum(c => (long)c.Count * W(c.Day!.Value)) + (long)(lateCount - completed.Sum(c => c.Count)) * todayW;
            return (double)(endSum - g.Sum(d => (long)d.Late * W(d.Day!.Value))) / lateCount;
        });

        var keys = dueCounts.Keys.Concat(overdueNow.Keys).Concat(returns.Keys).Concat(extensions.Keys).Concat(urges.Keys).Distinct();
        var ranked = keys.Select(k =>
            {
                var counts = dueCounts.GetValueOrDefault(k);
                var rate = counts.Due > 0 ? Math.Round((double)counts.OnTime / counts.Due, 4) : (double?)null;
                return new RankingRow(0, k, NameOf(of, k), counts.Due, counts.OnTime, rate, overdueNow.GetValueOrDefault(k),
                    Math.Round(lateDays.GetValueOrDefault(k), 2), returns.GetValueOrDefault(k), extensions.GetValueOrDefault(k), urges.GetValueOrDefault(k));
            })
            .OrderByDescending(r => r.OnTimeRate ?? -1).ThenBy(r => r.OverdueNow).ThenBy(r => r.AverageWorkingDaysLate).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return new Ranking(of, period.Kind, period.From, period.To, now, ranked);
    }

    private static (string Of, Expression<Func<TaskFacts, bool>> Filter, Expression<Func<TaskFacts, string?>> Key) Entities(string? of) => (of ?? "agency") switch
    {
        "agency" => ("agency", r => r.RegionLevel == RegionLevel.Province, r => r.Assignee),
        "city" => ("city", r => r.CityCode != null, r => r.CityCode),
        "county" => ("county", r => r.RegionLevel == RegionLevel.County, r => r.RegionCode),
        _ => throw EngineException.Invalid($"of must be agency, city or county, not '{of}'."),
    };

    /// <summary>A group key and a day number, as a member-init type so EF can group by it after the projection.</summary>
    private sealed class KeyDay
    {
        public string? Key { get; init; }
        public int? Day { get; init; }
    }

    private sealed record DayCount(string? Key, int? Day, int Count);

    /// <summary>A task of the period as (key, due day) with whether it was on time and whether it is late, for one GROUP BY.</summary>
    private sealed class DueTask
    {
        public string? Key { get; init; }
        public int? Day { get; init; }
        public int OnTime { get; init; }
        public int Late { get; init; }
    }

    private sealed record DueDayCounts(string? Key, int? Day, int Due, int OnTime, int Late);

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
        return due.Select(WithKey(shape, key)).GroupBy(t => new { t.Key, t.Day })
            .Select(g => new DueDayCounts(g.Key.Key, g.Key.Day, g.Count(), g.Sum(t => t.OnTime), g.Sum(t => t.Late)))
            .ToListAsync(cancellationToken);
    }

    private static Task<List<DayCount>> CountByCompletedDayAsync(IQueryable<TaskFacts> rows, Expression<Func<TaskFacts, string?>> key,
        CancellationToken cancellationToken)
    {
        Expression<Func<TaskFacts, string?, KeyDay>> shape = (r, k) => new KeyDay { Key = k, Day = r.CompletedDay };
        return rows.Select(WithKey(shape, key)).GroupBy(k => new { k.Key, k.Day }).Select(g => new DayCount(g.Key.Key, g.Key.Day, g.Count()))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The projection <paramref name="shape"/> with the ranking's key expression in place of its second parameter.</summary>
    private static Expression<Func<TaskFacts, T>> WithKey<T>(Expression<Func<TaskFacts, string?, T>> shape, Expression<Func<TaskFacts, string?>> key)
    {
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], shape.Parameters[0], key.Body);
        return Expression.Lambda<Func<TaskFacts, T>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], keyBody, shape.Body), shape.Parameters[0]);
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
            var keyed = await rows.Where(r => chunk.Contains(r.TaskId)).Select(WithKey(shape, key)).ToListAsync(cancellationToken);
            foreach (var task in keyed)
            {
                counts[task.Key ?? ""] = counts.GetValueOrDefault(task.Key ?? "") + events[task.TaskId];
            }
        }
        return counts;
    }

    private string NameOf(string of, string key) => of == "agency" ? catalog.Find(key)?.Name ?? key : regions.Find(key)?.Name ?? key;
}

public sealed record Ranking(string Of, string Period, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<RankingRow> Rows);

public sealed record RankingRow(int Rank, string Key, string Name, int Due, int OnTime, double? OnTimeRate, int OverdueNow,
    double AverageWorkingDaysLate, int Returns, int Extensions, int Urges);
