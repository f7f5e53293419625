using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Steps;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Notices;

/// <summary>Tells the assignee agency of a new task, in the transaction that creates it.</summary>
internal sealed class AssignmentNotice(NotificationWriter writer, Recipients recipients, AgencyCatalog catalog) : ITaskListener
{
    public void Assigned(ActivityContext context, WorkTask task, Agency agency)
    {
        writer.Enqueue(context, NotificationKind.TaskAssigned, recipients.Of(context.Db, [agency.Id]), TaskNotices.Model(context.Db, catalog, task, context.Now), $"assigned:{task.Id}");
    }
}
