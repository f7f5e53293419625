using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore.Query;
using PolicyFlow.Activities.Tracking;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// The ranking's counts before they are ranked, by key: the due, on-time and late tasks of the period by due day (the due
/// day is what the working days late start from), what is overdue now, and the period's returns, extensions and urges.
/// Counted from the tasks (<see cref="RankingFromTasks"/>) or from the per-day counters (<see cref="RankingFromDays"/>).
/// </summary>
internal sealed record RankingCounts(IReadOnlyList<DueDayCounts> ByDueDay, IReadOnlyDictionary<string, int> OverdueNow,
    IReadOnlyDictionary<string, int> Returns, IReadOnlyDictionary<string, int> Extensions, IReadOnlyDictionary<string, int> Urges);

internal sealed record DueDayCounts(string? Key, int? Day, int Due, int OnTime, int Late);

internal sealed record DayCount(string? Key, int? Day, int Count);

/// <summary>A group key and a day number, as a member-init type so EF can group by it after the projection.</summary>
internal sealed class KeyDay
{
    public string? Key { get; init; }
    public int? Day { get; init; }
}

internal static class RankingKey
{
    /// <summary>The projection <paramref name="shape"/> with the ranking's key expression in place of its second parameter.</summary>
    public static Expression<Func<TaskFacts, T>> WithKey<T>(Expression<Func<TaskFacts, string?, T>> shape, Expression<Func<TaskFacts, string?>> key)
    {
        var keyBody = ReplacingExpressionVisitor.Replace(key.Parameters[0], shape.Parameters[0], key.Body);
        return Expression.Lambda<Func<TaskFacts, T>>(ReplacingExpressionVisitor.Replace(shape.Parameters[1], keyBody, shape.Body), shape.Parameters[0]);
    }
}
