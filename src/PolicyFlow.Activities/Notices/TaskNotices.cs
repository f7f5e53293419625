using System.Text.Json.Nodes;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Notices;

/// <summary>The model of a notice about a task, from the task and the data its step kept with it.</summary>
internal static class TaskNotices
{
    public static NotificationModel Model(WorkTask task, DateTimeOffset now, string? comment = null)
    {
        var data = JsonNode.Parse(task.DataJson) as JsonObject ?? [];
        return new NotificationModel
        {
            TaskId = task.Id,
            InstanceId = task.InstanceId,
            TaskTitle = task.Title,
            MeasureTitle = data["measureTitle"]?.GetValue<string>(),
            AgencyName = data["agencyName"]?.GetValue<string>(),
            DueAt = task.DueAt,
            DaysLeft = task.DueAt is { } due && due > now ? (int)Math.Ceiling((due - now).TotalDays) : null,
            DaysOverdue = task.DueAt is { } d && d <= now ? (int)Math.Floor((now - d).TotalDays) + 1 : null,
            Comment = comment,
        };
    }
}
