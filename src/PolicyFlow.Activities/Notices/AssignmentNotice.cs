using PolicyFlow.Directories;
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
        // A policy launched after it took effect says from which day its deadlines count (交办日期), so a due date is read right.
        var model = TaskNotices.Model(context.Db, catalog, task, context.Now) with { TrackingStartAt = TrackingStartOf(context) };
        writer.Enqueue(context, NotificationKind.TaskAssigned, recipients.Of(context.Db, [agency.Id]), model, $"assigned:{task.Id}");
    }

    private static DateTimeOffset? TrackingStartOf(ActivityContext context) =>
        context.ReadVariable("trackingStartAt") is System.Text.Json.Nodes.JsonValue v && v.TryGetValue<string>(out var text)
            && DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.None, out var at)
            ? at
            : null;
}
