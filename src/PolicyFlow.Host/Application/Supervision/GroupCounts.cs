using System.Linq.Expressions;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>How many tasks a group has, how many are completed, and how many of the open ones are red and yellow.</summary>
internal sealed record GroupCounts<TKey>(TKey Key, int Total, int Done, int Red, int Yellow)
{
    public int Open => Total - Done;
    public string Light => Lights.Worst(Open, Red, Yellow);

    public GroupCounts<bool> WithoutKey() => new(false, Total, Done, Red, Yellow);
}

internal static class GroupCountsQuery
{
    /// <summary>One GROUP BY in the database: the rows never leave it, only one line per group does.</summary>
    public static Task<List<GroupCounts<TKey>>> CountByAsync<TKey>(this IQueryable<TaskFacts> rows, Expression<Func<TaskFacts, TKey>> key,
        Lights lights, CancellationToken cancellationToken)
    {
        var now = lights.Now;
        var until = lights.YellowUntil;
        return rows.GroupBy(key).Select(g => new GroupCounts<TKey>(g.Key, g.Count(),
                g.Sum(r => r.Status == WorkTaskStatus.Completed ? 1 : 0),
                g.Sum(r => r.Status != WorkTaskStatus.Completed && r.DueAt != null && r.DueAt <= now ? 1 : 0),
                g.Sum(r => r.Status != WorkTaskStatus.Completed && r.DueAt != null && r.DueAt > now && r.DueAt <= until ? 1 : 0)))
            .ToListAsync(cancellationToken);
    }
}
