using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// What every supervision query groups, filters and counts: the task facts, which carry the task's state too (see
/// <see cref="TaskFacts"/>), so a report reads one table through its covering indexes. Cancelled tasks never count.
/// </summary>
internal static class ReportRows
{
    public static IQueryable<TaskFacts> All(PolicyFlowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.TaskFacts.AsNoTracking().Where(f => f.Status != WorkTaskStatus.Cancelled);
    }

    /// <summary>
    /// The open tasks (open or claimed), written as the partial indexes' own condition (<c>"Status" IN ('Open', 'Claimed')</c>)
    /// so that the database can use them: "not completed" would mean the same here but no planner can prove it.
    /// </summary>
    public static IQueryable<TaskFacts> Open(this IQueryable<TaskFacts> rows) =>
        rows.Where(f => f.Status == WorkTaskStatus.Open || f.Status == WorkTaskStatus.Claimed);
}
