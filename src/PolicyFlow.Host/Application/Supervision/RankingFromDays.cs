using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// The ranking's counts from the per-day counters <c>pf_report_days</c> (<see cref="ReportDay"/>, kept by the database's
/// triggers): a period sums one row per entity and day instead of counting the period's tasks. The counters cannot know
/// the time of the report, so today's open tasks are read from the tasks: before today every open task of a day is past
/// its due instant, after today none is, and today's are counted up to now. Serves the province-wide ranking of every
/// policy, the counters' only scope.
/// </summary>
internal static class RankingFromDays
{
    public static async Task<RankingCounts> CountAsync(PolicyFlowDbContext db, string of, IQueryable<TaskFacts> rows,
        Expression<Func<TaskFacts, string?>> key, RankingPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var from = TaskFacts.DayNumberOf(period.From);
        var to = TaskFacts.DayNumberOf(period.To);
        var today = ChinaTime.DateOf(now);
        var todayNumber = TaskFacts.DayNumberOf(today);
        var days = db.ReportDays.Where(d => d.Of == of && d.Day >= from && d.Day <= to);
        // Open tasks of a day before today are due and late; of today, only those read below; of a later day, neither yet.
        // The due and on-time counts and the events are summed by key in the database: a few rows, not one per key and day.
        var sums = await days.GroupBy(d => d.Key).Select(g => new
        {
            g.Key,
            Due = g.Sum(d => d.Done + (d.Day < todayNumber ? d.Pending : 0)),
            OnTime = g.Sum(d => d.OnTime),
            Returns = g.Sum(d => d.Returns),
            Extensions = g.Sum(d => d.Extensions),
            Urges = g.Sum(d => d.Urges),
        }).ToListAsync(cancellationToken);
        // The working days late start from each late task's due day: the days with late tasks are read apart.
        var lateDays = await days.Where(d => d.LateDone > 0 || (d.Day < todayNumber && d.Pending > 0))
            .Select(d => new { d.Key, d.Day, d.LateDone, d.LateDoneAtMidnight, Pending = d.Day < todayNumber ? d.Pending : 0, PendingAtMidnight = d.Day < todayNumber ? d.PendingAtMidnight : 0 })
            .ToListAsync(cancellationToken);
        // What is overdue now: every open task of the days before today (the partial index IX_pf_report_days_pending), and today's so far.
        var openBefore = await db.ReportDays.Where(d => d.Of == of && d.Day < todayNumber && d.Pending > 0)
            .GroupBy(d => d.Key).Select(g => new { g.Key, Count = g.Sum(d => d.Pending) }).ToListAsync(cancellationToken);
        var todayStart = ChinaTime.StartOfDay(today);
        Expression<Func<TaskFacts, string?, KeyDay>> shape = (r, k) => new KeyDay { Key = k, Day = r.DueDay };
        var dueToday = await rows.Open().Where(r => r.DueAt >= todayStart && r.DueAt <= now).Select(RankingKey.WithKey(shape, key))
            .GroupBy(k => new { k.Key, k.Day }).Select(g => new DayCount(g.Key.Key, g.Key.Day, g.Count())).ToListAsync(cancellationToken);

        var byDueDay = sums.Where(k => k.Due > 0).Select(k => new DueDayCounts(k.Key, null, k.Due, k.OnTime, 0)).ToList();
        foreach (var d in lateDays)
        {
            // A task due at 00:00 has the day before as its due day.
            var late = d.LateDone - d.LateDoneAtMidnight + d.Pending - d.PendingAtMidnight;
            var lateDueTheDayBefore = d.LateDoneAtMidnight + d.PendingAtMidnight;
            if (late > 0)
            {
                byDueDay.Add(new DueDayCounts(d.Key, d.Day, 0, 0, late));
            }
            if (lateDueTheDayBefore > 0)
            {
                byDueDay.Add(new DueDayCounts(d.Key, d.Day - 1, 0, 0, lateDueTheDayBefore));
            }
        }
        if (todayNumber >= from && todayNumber <= to)
        {
            byDueDay.AddRange(dueToday.Select(t => new DueDayCounts(t.Key, t.Day, t.Count, 0, t.Count)));
        }
        var overdueNow = openBefore.Select(o => (Key: o.Key, o.Count)).Concat(dueToday.Select(t => (Key: t.Key ?? "", t.Count)))
            .GroupBy(o => o.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(o => o.Count), StringComparer.Ordinal);
        return new RankingCounts(byDueDay, Positive(overdueNow), Positive(sums, k => k.Key, k => k.Returns), Positive(sums, k => k.Key, k => k.Extensions),
            Positive(sums, k => k.Key, k => k.Urges));
    }

    private static Dictionary<string, int> Positive<T>(IEnumerable<T> sums, Func<T, string> key, Func<T, int> count) =>
        Positive(sums.ToDictionary(key, count, StringComparer.Ordinal));

    /// <summary>Only the keys with something to count, as a GROUP BY over the tasks would give them.</summary>
    private static Dictionary<string, int> Positive(Dictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal);
}
