using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>A task with its facts: what every supervision query groups, filters and counts (cancelled tasks never count).</summary>
internal sealed class ReportRow
{
    public required WorkTask Task { get; init; }
    public required TaskFacts Facts { get; init; }

    public static IQueryable<ReportRow> All(PolicyFlowDbContext db)
    {
        ArgumentNullException.ThrowIfNull(db);
        return db.Tasks.AsNoTracking().Where(t => t.Status != WorkTaskStatus.Cancelled)
            .Join(db.TaskFacts.AsNoTracking(), t => t.Id, f => f.TaskId, (t, f) => new ReportRow { Task = t, Facts = f });
    }
}
