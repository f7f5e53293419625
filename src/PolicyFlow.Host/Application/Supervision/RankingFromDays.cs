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
        var days = await db.ReportDays.AsNoTracking().Where(d => d.Of == of && d.Day >= from && d.Day <= to).ToListAsync(cancellationToken);
        // What is overdue now: every open task of the days before today (the partial index IX_pf_report_days_pending), and today's so far.
        var openBefore = await db.ReportDays.Where(d => d.Of == of && d.Day < todayNumber && d.Pending > 0)
            .GroupBy(d => d.Key).Select(g => new { g.Key, Count = g.Sum(d => d.Pending) }).ToListAsync(cancellationToken);
        var todayStart = ChinaTime.StartOfDay(today);
        Expression<Func<TaskFacts, string?, KeyDay>> shape = (r, k) => new KeyDay { Key = k, Day = r.DueDay };
        var dueToday = await rows.Open().Where(r => r.DueAt >= todayStart && r.DueAt <= now).Select(RankingKey.WithKey(shape, key))
            .GroupBy(k => new { k.Key, k.Day }).Select(g => new DayCount(g.Key.Key, g.Key.Day, g.Count())).ToListAsync(cancellationToken);

        var byDueDay = new List<DueDayCounts>();
        foreach (var d in days)
        {
            // Open tasks of a day before today are late; of today, only those read below; of a later day, none yet.
            var (pending, pendingAtMidnight) = d.Day < todayNumber ? (d.Pending, d.PendingAtMidnight) : (0, 0);
            var late = d.LateDone - d.LateDoneAtMidnight + pending - pendingAtMidnight;
            var lateDueTheDayBefore = d.LateDoneAtMidnight + pendingAtMidnight;
            if (d.Done + pending > 0 || late > 0)
            {
                byDueDay.Add(new DueDayCounts(d.Key, d.Day, d.Done + pending, d.OnTime, late));
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
        return new RankingCounts(byDueDay, Positive(overdueNow), Sum(days, d => d.Returns), Sum(days, d => d.Extensions), Sum(days, d => d.Urges));
    }

    private static Dictionary<string, int> Sum(List<ReportDay> days, Func<ReportDay, int> count) =>
        Positive(days.GroupBy(d => d.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(count), StringComparer.Ordinal));

    /// <summary>Only the keys with something to count, as a GROUP BY over the tasks would give them.</summary>
    private static Dictionary<string, int> Positive(Dictionary<string, int> counts) =>
        counts.Where(c => c.Value > 0).ToDictionary(StringComparer.Ordinal);
}
