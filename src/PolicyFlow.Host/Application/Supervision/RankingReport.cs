using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
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

    public Task<Ranking> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default) =>
        RankAsync(caller, request, fromCounters: true, cancellationToken);

    /// <summary>The same ranking counted from the tasks whatever the scope: what the per-day counters must agree with.</summary>
    internal Task<Ranking> HandleFromTasksAsync(Caller caller, Request request, CancellationToken cancellationToken = default) =>
        RankAsync(caller, request, fromCounters: false, cancellationToken);

    private async Task<Ranking> RankAsync(Caller caller, Request request, bool fromCounters, CancellationToken cancellationToken)
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
        // The province's ranking of every policy sums the per-day counters; a narrower one counts its tasks.
        var tally = fromCounters && scope.Everything && request.PolicyId is null
            ? await RankingFromDays.CountAsync(db, of, rows, key, period, now, cancellationToken)
            : await RankingFromTasks.CountAsync(db, rows, due, key, period, now, cancellationToken);
        // (key, due day) gives the due, on-time and late counts and the due-day side of the working days late:
        // WorkingDaysBetween(a, b) = W(b) − W(a) for a running count W of working days, so Σ days late = Σ W(end) − Σ W(due day),
        // and no late task is read one by one.
        var byDueDay = tally.ByDueDay;
        var dueCounts = byDueDay.GroupBy(d => d.Key ?? "").ToDictionary(g => g.Key, g => (Due: g.Sum(d => d.Due), OnTime: g.Sum(d => d.OnTime)));
        var overdueNow = tally.OverdueNow;
        // The completion side, from the few tasks completed late (the partial index IX_pf_task_facts_late).
        var lateByCompletedDay = await CountByCompletedDayAsync(due.Where(r => r.Status == WorkTaskStatus.Completed && r.CompletedAt > r.DueAt), key,
            cancellationToken);
        var (returns, extensions, urges) = (tally.Returns, tally.Extensions, tally.Urges);

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

    private static Task<List<DayCount>> CountByCompletedDayAsync(IQueryable<TaskFacts> rows, Expression<Func<TaskFacts, string?>> key,
        CancellationToken cancellationToken)
    {
        Expression<Func<TaskFacts, string?, KeyDay>> shape = (r, k) => new KeyDay { Key = k, Day = r.CompletedDay };
        return rows.Select(RankingKey.WithKey(shape, key)).GroupBy(k => new { k.Key, k.Day }).Select(g => new DayCount(g.Key.Key, g.Key.Day, g.Count()))
            .ToListAsync(cancellationToken);
    }

    private string NameOf(string of, string key) => of == "agency" ? catalog.Find(key)?.Name ?? key : regions.Find(key)?.Name ?? key;
}

public sealed record Ranking(string Of, string Period, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<RankingRow> Rows);

public sealed record RankingRow(int Rank, string Key, string Name, int Due, int OnTime, double? OnTimeRate, int OverdueNow,
    double AverageWorkingDaysLate, int Returns, int Extensions, int Urges);
