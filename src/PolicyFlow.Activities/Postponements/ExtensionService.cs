using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Notices;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Steps;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Activities.Postponements;

/// <summary>
/// Extension requests (延期): asked by the assignee before the due date, decided by someone else (who may decide is the
/// host's rule; the requester never decides their own). An approval moves the due date and plans the task's notices
/// again; the journal records both.
/// </summary>
public sealed class ExtensionService(WorkflowEngine engine, NotificationWriter writer, Recipients recipients, AgencyCatalog catalog, ExtensionRules rules)
{
    public const string Requested = "ExtensionRequested";
    public const string Decided = "ExtensionDecided";

    public Task<ExtensionRequest> RequestAsync(Guid taskId, DateTimeOffset newDueAt, string reason, string actor, CancellationToken cancellationToken = default) =>
        engine.InTransactionAsync(actor, async work =>
        {
            var db = work.Db;
            var task = await db.Tasks.FindAsync([taskId], cancellationToken) ?? throw EngineException.NotFound($"Task {taskId} does not exist.");
            if (!task.IsOpen)
            {
                throw EngineException.Conflict($"任务已{task.Status}，不能申请延期。 Task {taskId} is {task.Status}; only an open task can be extended.");
            }
            if (task.DueAt is not { } due)
            {
                throw EngineException.Invalid($"任务没有办理期限。 Task {taskId} has no due date to extend.");
            }
            if (work.Now >= due)
            {
                throw EngineException.Invalid(string.Create(CultureInfo.InvariantCulture,
                    $"已超过办理期限（{due:yyyy-MM-dd HH:mm} UTC），不能再申请延期。 The due date {due:O} has passed; an extension must be asked before it."));
            }
            if (newDueAt <= due)
            {
                throw EngineException.Invalid("申请的新期限须晚于当前期限。 The requested due date must be later than the current one.");
            }
            if (newDueAt - due > rules.MaxExtension)
            {
                throw EngineException.Invalid(rules.TooFar);
            }
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw EngineException.Invalid("请说明延期理由。 An extension request needs a reason.");
            }
            if (await db.Set<ExtensionRequest>().AnyAsync(e => e.TaskId == taskId && e.Status == ExtensionStatus.Pending, cancellationToken))
            {
                throw EngineException.Conflict("该任务已有待审批的延期申请。 This task already has a pending extension request.");
            }
            var request = new ExtensionRequest
            {
                Id = Guid.NewGuid(), TaskId = taskId, InstanceId = task.InstanceId, RequestedBy = actor, RequestedAt = work.Now,
                Reason = reason.Trim(), CurrentDueAt = due, RequestedDueAt = newDueAt, Status = ExtensionStatus.Pending,
            };
            db.Set<ExtensionRequest>().Add(request);
            work.Journal(task.InstanceId, Requested, task.ActivityId, new { request = request.Id, from = due, to = newDueAt, reason }, task.Id);
            return request;
        }, cancellationToken);

    public Task<ExtensionRequest> DecideAsync(Guid requestId, bool approve, string? comment, string actor, CancellationToken cancellationToken = default) =>
        engine.InTransactionAsync(actor, async work =>
        {
            var db = work.Db;
            var request = await db.Set<ExtensionRequest>().FindAsync([requestId], cancellationToken)
                ?? throw EngineException.NotFound($"Extension request {requestId} does not exist.");
            if (string.Equals(request.RequestedBy, actor, StringComparison.Ordinal))
            {
                throw new ExtensionRefusedException("不能审批本人提出的延期申请，请由牵头单位或政策办、领导审批。 You cannot decide your own extension request.");
            }
            if (request.Status != ExtensionStatus.Pending)
            {
                throw EngineException.Conflict($"延期申请已{request.Status}。 Extension request {requestId} is already {request.Status}.");
            }
            var task = await db.Tasks.FindAsync([request.TaskId], cancellationToken) ?? throw EngineException.NotFound($"Task {request.TaskId} does not exist.");
            request.Status = approve && task.IsOpen ? ExtensionStatus.Approved : ExtensionStatus.Rejected;
            request.DecidedBy = actor;
            request.DecidedAt = work.Now;
            request.DecisionComment = comment;
            work.Journal(task.InstanceId, Decided, task.ActivityId, new { request = request.Id, status = request.Status.ToString(), comment }, task.Id);
            if (request.Status == ExtensionStatus.Approved)
            {
                await MoveDueAsync(work, task, request.RequestedDueAt, cancellationToken);
            }
            writer.Enqueue(work, NotificationKind.ExtensionDecided, recipients.Of(work.Db, [task.Assignee]), TaskNotices.Model(work.Db, catalog, task, work.Now, comment) with
            {
                Approved = request.Status == ExtensionStatus.Approved,
                NewDueAt = request.Status == ExtensionStatus.Approved ? request.RequestedDueAt : null,
            }, $"extension:{request.Id}");
            return request;
        }, cancellationToken);

    /// <summary>Moves the due date: pending notices are cancelled and planned again from now against the new date.</summary>
    private static async Task MoveDueAsync(UnitOfWork work, WorkTask task, DateTimeOffset newDueAt, CancellationToken cancellationToken)
    {
        var from = task.DueAt;
        task.MoveDueDate(newDueAt);
        var taskId = task.Id;
        await work.Db.Timers.Where(t => t.TaskId == taskId && t.Status == TimerStatus.Pending)
            .ExecuteUpdateAsync(s => s.SetProperty(t => t.Status, TimerStatus.Cancelled), cancellationToken);
        var settings = TaskSettings.NoticesOf(task);
        foreach (var notice in AgencyTasks.PlanNotices(settings, work.Now, newDueAt))
        {
            work.AddTimer(new WorkflowTimer
            {
                Id = Guid.NewGuid(), InstanceId = task.InstanceId, TaskId = taskId, Kind = notice.Kind.ToString(), DueAt = notice.DueAt,
                Status = TimerStatus.Pending, CreatedAt = work.Now, PayloadJson = new JsonObject { ["sequence"] = notice.Sequence }.ToJsonString(),
            });
        }
        work.Journal(task.InstanceId, JournalKinds.TaskDueChanged, task.ActivityId, new { from, to = newDueAt }, taskId);
    }
}
