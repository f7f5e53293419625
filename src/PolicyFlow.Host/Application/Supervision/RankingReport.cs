using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Extensions;
using PolicyFlow.Activities.Persistence;
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
        var rows = scope.Apply(ReportRow.All(db), db).Where(filter);
        rows = request.PolicyId is null ? rows : rows.Where(r => r.Facts.PolicyId == request.PolicyId);
        var start = period.Start;
        var end = period.End;

        // A task not yet due and still open is neither on time nor late: it counts once its due day has come or it is done.
        var due = rows.Where(r => r.Task.DueAt >= start && r.Task.DueAt < end && (r.Task.DueAt <= now || r.Task.Status == WorkTaskStatus.Completed));
        var dueCounts = await due.GroupBy(key).Select(g => new
        {
            g.Key,
            Due = g.Count(),
            OnTime = g.Sum(r => r.Task.Status == WorkTaskStatus.Completed && r.Task.CompletedAt <= r.Task.DueAt ? 1 : 0),
        }).ToDictionaryAsync(x => x.Key ?? "", cancellationToken);
        var overdueNow = await rows.Where(r => r.Task.Status != WorkTaskStatus.Completed && r.Task.DueAt <= now)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        var late = await due.Where(r => (r.Task.Status == WorkTaskStatus.Completed && r.Task.CompletedAt > r.Task.DueAt)
                || (r.Task.Status != WorkTaskStatus.Completed && r.Task.DueAt <= now))
            .Select(KeyWith(key)).ToListAsync(cancellationToken);
        var returns = await rows.Where(r => r.Facts.Round > 1 && r.Task.CreatedAt >= start && r.Task.CreatedAt < end)
            .GroupBy(key).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);
        var extensions = await CountJoinedAsync(rows, db.Extensions.Where(e => e.Status == ExtensionStatus.Approved && e.DecidedAt >= start && e.DecidedAt < end)
            .Select(e => e.TaskId), key, cancellationToken);
        var urges = await CountJoinedAsync(rows, db.Urges.Where(u => u.At >= start && u.At < end).Select(u => u.TaskId), key, cancellationToken);

        var today = ChinaTime.DateOf(now);
        var lateDays = late.GroupBy(l => l.Key ?? "").ToDictionary(g => g.Key, g => g.Average(l =>
            (double)calendar.WorkingDaysBetween(DueDay.Of(l.DueAt!.Value), l.CompletedAt is { } done ? ChinaTime.DateOf(done) : today)));

        var keys = dueCounts.Keys.Concat(overdueNow.Keys).Concat(returns.Keys).Concat(extensions.Keys).Concat(urges.Keys).Distinct();
        var ranked = keys.Select(k =>
            {
                var counts = dueCounts.GetValueOrDefault(k);
                var rate = counts is { Due: > 0 } ? Math.Round((double)counts.OnTime / counts.Due, 4) : (double?)null;
                return new RankingRow(0, k, NameOf(of, k), counts?.Due ?? 0, counts?.OnTime ?? 0, rate, overdueNow.GetValueOrDefault(k),
                    Math.Round(lateDays.GetValueOrDefault(k), 2), returns.GetValueOrDefault(k), extensions.GetValueOrDefault(k), urges.GetValueOrDefault(k));
            })
            .OrderByDescending(r => r.OnTimeRate ?? -1).ThenBy(r => r.OverdueNow).ThenBy(r => r.AverageWorkingDaysLate).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Select((r, i) => r with { Rank = i + 1 })
            .ToList();
        return new Ranking(of, period.Kind, period.From, period.To, now, ranked);
    }

    private static (string Of, Expression<Func<ReportRow, bool>> Filter, Expression<Func<ReportRow, string?>> Key) Entities(string? of) => (of ?? "agency") switch
    {
        "agency" => ("agency", r => r.Facts.RegionLevel == RegionLevel.Province, r => r.Task.Assignee),
        "city" => ("city", r => r.Facts.CityCode != null, r => r.Facts.CityCode),
        "county" => ("county", r => r.Facts.RegionLevel == RegionLevel.County, r => r.Facts.RegionCode),
        _ => throw EngineException.Invalid($"of must be agency, city or county, not '{of}'."),
    };

    private sealed record LateTask(string? Key, DateTimeOffset? DueAt, DateTimeOffset? CompletedAt);

    private static Expression<Func<ReportRow, LateTask>> KeyWith(Expression<Func<ReportRow, string?>> key)
    {
        var row = key.Parameters[0];
        var body = Expression.New(typeof(LateTask).GetConstructors()[0], key.Body,
            Expression.Property(Expression.Property(row, nameof(ReportRow.Task)), nameof(WorkTask.DueAt)),
            Expression.Property(Expression.Property(row, nameof(ReportRow.Task)), nameof(WorkTask.CompletedAt)));
        return Expression.Lambda<Func<ReportRow, LateTask>>(body, row);
    }

    private static Task<Dictionary<string, int>> CountJoinedAsync(IQueryable<ReportRow> rows, IQueryable<Guid> taskIds,
        Expression<Func<ReportRow, string?>> key, CancellationToken cancellationToken) =>
        rows.Join(taskIds, r => r.Task.Id, id => id, (r, _) => r).GroupBy(key).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Key ?? "", x => x.Count, cancellationToken);

    private string NameOf(string of, string key) => of == "agency" ? catalog.Find(key)?.Name ?? key : regions.Find(key)?.Name ?? key;
}

public sealed record Ranking(string Of, string Period, DateOnly From, DateOnly To, DateTimeOffset AsOf, IReadOnlyList<RankingRow> Rows);

public sealed record RankingRow(int Rank, string Key, string Name, int Due, int OnTime, double? OnTimeRate, int OverdueNow,
    double AverageWorkingDaysLate, int Returns, int Extensions, int Urges);
