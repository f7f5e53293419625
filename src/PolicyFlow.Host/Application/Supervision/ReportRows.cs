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
}
