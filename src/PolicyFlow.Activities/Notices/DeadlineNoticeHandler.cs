using System.Text.Json.Nodes;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Activities.Notices;

/// <summary>
/// Fires a task's reminder, overdue notice or escalation: mail to the assignee agency — and for an escalation to the
/// measure's lead agency and leadership as well. A task no longer open gets nothing (its timers were cancelled anyway).
/// </summary>
internal sealed class DeadlineNoticeHandler(string kind, NotificationWriter writer, Recipients recipients, AgencyCatalog catalog,
    NoticeOptions options) : ITimerHandler
{
    public string Kind { get; } = kind;

    public async Task HandleAsync(UnitOfWork work, WorkflowTimer timer, CancellationToken cancellationToken)
    {
        var task = timer.TaskId is { } id ? await work.Db.Tasks.FindAsync([id], cancellationToken) : null;
        if (task is null || !task.IsOpen)
        {
            return;
        }
        var notification = Enum.Parse<NotificationKind>(Kind);
        var to = recipients.Of(work.Db, [task.Assignee]).ToList();
        if (notification == NotificationKind.Escalation)
        {
            var data = JsonNode.Parse(task.DataJson) as JsonObject ?? [];
            var kindCode = data["kind"]?.GetValue<string>();
            var lead = kindCode is null ? null : catalog.Counterpart(kindCode, "330000");
            to.AddRange(recipients.Of(work.Db, lead is null ? [] : [lead.Id]));
            to.AddRange(options.LeadershipEmails.Select(e => new Recipient(e, "领导 Leadership")));
        }
        writer.Enqueue(work, notification, to.DistinctBy(r => r.Email), TaskNotices.Model(task, work.Now), $"{Kind}:{timer.Id}");
    }
}
