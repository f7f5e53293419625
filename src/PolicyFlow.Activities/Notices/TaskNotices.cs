using PolicyFlow.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Notices;

/// <summary>The model of a notice about a task, from the task, its facts and the agency directory.</summary>
public static class TaskNotices
{
    public static NotificationModel Model(EngineDbContext db, AgencyCatalog catalog, WorkTask task, DateTimeOffset now, string? comment = null)
    {
        // Find looks at what this transaction already tracks first: a task created in this burst costs no query.
        var facts = db.Set<TaskFacts>().Find(task.Id);
        return new NotificationModel
        {
            TaskId = task.Id,
            InstanceId = task.InstanceId,
            TaskTitle = task.Title,
            MeasureTitle = facts?.MeasureTitle,
            AgencyName = catalog.Find(task.Assignee)?.Name,
            DueAt = task.DueAt,
            DaysLeft = task.DueAt is { } due && due > now ? (int)Math.Ceiling((due - now).TotalDays) : null,
            DaysOverdue = task.DueAt is { } d && d <= now ? (int)Math.Floor((now - d).TotalDays) + 1 : null,
            Comment = comment,
        };
    }
}
