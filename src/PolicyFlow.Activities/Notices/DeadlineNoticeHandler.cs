using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Activities.Tracking;
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
            to.AddRange(recipients.Of(work.Db, await LeadOfAsync(work, task.Id, cancellationToken) is { } lead ? [lead] : []));
            to.AddRange(options.LeadershipEmails.Select(e => new Recipient(e, "领导 Leadership")));
        }
        writer.Enqueue(work, notification, to.DistinctBy(r => r.Email), TaskNotices.Model(work.Db, catalog, task, work.Now), $"{Kind}:{timer.Id}");
    }

    /// <summary>
    /// The lead agency (牵头单位) of the measure the task belongs to, as the policy record names it; for a task of no
    /// published measure, the provincial agency of its line.
    /// </summary>
    private async Task<string?> LeadOfAsync(UnitOfWork work, Guid taskId, CancellationToken cancellationToken)
    {
        var db = work.Db;
        var facts = await db.Set<TaskFacts>().FindAsync([taskId], cancellationToken);
        if (facts is null)
        {
            return null;
        }
        var lead = await db.Set<MeasureRecord>().Where(m => m.PolicyId == facts.PolicyId && m.Number == facts.MeasureNo).Select(m => m.LeadAgencyId)
            .FirstOrDefaultAsync(cancellationToken);
        return lead ?? catalog.Counterpart(facts.AgencyKind, "330000")?.Id;
    }
}
