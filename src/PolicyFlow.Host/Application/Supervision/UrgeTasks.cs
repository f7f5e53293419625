using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Notices;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 催办: those who supervise a task — leadership, the policy office, the agency that leads its measure — urge its assignee
/// agency. Each urge is an email through the outbox, a line in the task's history and a count on the task and in the
/// reports, at most once per task per Shanghai day. A bulk urge is previewed first (who will be told), then sent.
/// </summary>
internal sealed class UrgeTasks(DbFactory dbFactory, WorkflowEngine engine, NotificationWriter writer, Recipients recipients,
    AgencyCatalog catalog, RegionDirectory regions, UseCaseAudit audit, TimeProvider clock)
{
    public const int MaxTasks = 500;
    public const int MaxMessage = 500;
    public const string JournalKind = "TaskUrged";

    internal sealed record Request(IReadOnlyList<Guid> TaskIds, string? Message = null);

    /// <summary>Urges one task; the second urge of the day is refused (409) with a message saying when it was urged.</summary>
    public async Task<UrgeResult> OneAsync(Caller caller, Guid taskId, string? message, CancellationToken cancellationToken = default)
    {
        var result = await HandleAsync(caller, new Request([taskId], message), cancellationToken);
        return result.Refused is [var refusal, ..] ? throw EngineException.Conflict(refusal.Reason) : result;
    }

    public async Task<UrgeResult> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        var subject = $"tasks/urge {string.Join(',', request.TaskIds.Take(20))}{(request.TaskIds.Count > 20 ? "…" : "")}";
        if (!Capabilities.Has(caller, Capabilities.TaskUrge))
        {
            await audit.WriteAsync(caller, Capabilities.TaskUrge, subject, StatusCodes.Status403Forbidden, cancellationToken);
            throw new AccessDeniedException("你的账号不能催办。 Your account cannot urge tasks.");
        }
        if (request.TaskIds.Count is 0 or > MaxTasks)
        {
            throw EngineException.Invalid($"Urge 1–{MaxTasks} tasks at a time.");
        }
        if (request.Message is { Length: > MaxMessage })
        {
            throw EngineException.Invalid($"催办意见不超过 {MaxMessage} 字。 The message is at most {MaxMessage} characters.");
        }
        var ids = request.TaskIds.Distinct().ToList();
        var led = await LedByCallerAsync(caller, ids, cancellationToken);
        if (led.Count < ids.Count)
        {
            await audit.WriteAsync(caller, Capabilities.TaskUrge, subject, StatusCodes.Status403Forbidden, cancellationToken);
            throw new AccessDeniedException("只能催办本单位牵头措施的任务。 An agency urges only the tasks of the measures it leads.");
        }
        var message = string.IsNullOrWhiteSpace(request.Message) ? null : request.Message.Trim();
        var result = await engine.InTransactionAsync(caller.UserName, async work =>
        {
            var db = (PolicyFlowDbContext)work.Db;
            var day = DayOf(work.Now);
            var tasks = await db.Tasks.Where(t => ids.Contains(t.Id)).ToListAsync(cancellationToken);
            var facts = await db.TaskFacts.Where(f => ids.Contains(f.TaskId)).ToDictionaryAsync(f => f.TaskId, cancellationToken);
            var urgedToday = await db.Urges.Where(u => ids.Contains(u.TaskId) && u.Day == day).Select(u => new { u.TaskId, u.At, u.By })
                .ToDictionaryAsync(u => u.TaskId, cancellationToken);
            var refused = new List<UrgeRefusal>();
            var urged = 0;
            foreach (var id in ids)
            {
                var task = tasks.FirstOrDefault(t => t.Id == id);
                if (task is null)
                {
                    refused.Add(new UrgeRefusal(id, $"任务 {id} 不存在。 Task {id} does not exist."));
                }
                else if (!task.IsOpen)
                {
                    refused.Add(new UrgeRefusal(id, $"任务已办结，无需催办。 Task {id} is {task.Status}; only an open task is urged."));
                }
                else if (urgedToday.TryGetValue(id, out var earlier))
                {
                    refused.Add(new UrgeRefusal(id, $"该任务今天已由 {earlier.By} 于 {TimeOfDay(earlier.At)} 催办，每个任务每天最多催办一次。 Task {id} was already urged today by {earlier.By} at {TimeOfDay(earlier.At)}; a task is urged at most once a day."));
                }
                else
                {
                    Urge(work, db, task, facts.GetValueOrDefault(id), day, message);
                    urged++;
                }
            }
            return new UrgeResult(urged, refused);
        }, cancellationToken);
        await audit.WriteAsync(caller, Capabilities.TaskUrge, subject, result.Urged > 0 ? StatusCodes.Status200OK : StatusCodes.Status409Conflict, cancellationToken);
        return result;
    }

    /// <summary>Who a bulk urge of <paramref name="taskIds"/> would tell, and which tasks it would skip, without sending anything.</summary>
    public async Task<UrgePreview> PreviewAsync(Caller caller, IReadOnlyList<Guid> taskIds, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(taskIds);
        if (!Capabilities.Has(caller, Capabilities.TaskUrge))
        {
            throw new AccessDeniedException("你的账号不能催办。 Your account cannot urge tasks.");
        }
        var ids = taskIds.Distinct().Take(MaxTasks).ToList();
        await using var db = dbFactory.Create();
        var day = DayOf(clock.GetUtcNow());
        var urgedToday = await db.Urges.Where(u => ids.Contains(u.TaskId) && u.Day == day).Select(u => u.TaskId).ToListAsync(cancellationToken);
        var open = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id) && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed))
            .Select(t => new { t.Id, t.Assignee }).ToListAsync(cancellationToken);
        var toUrge = open.Where(t => !urgedToday.Contains(t.Id)).ToList();
        var agencies = toUrge.GroupBy(t => t.Assignee).Select(g => new UrgeRecipientGroup(g.Key, catalog.Find(g.Key)?.Name ?? g.Key, g.Count(),
            [.. recipients.Of(db, [g.Key]).Select(r => r.Email)])).OrderByDescending(g => g.Tasks).ToList();
        return new UrgePreview(toUrge.Count, urgedToday.Count, ids.Count - open.Count, agencies);
    }

    private void Urge(UnitOfWork work, PolicyFlowDbContext db, WorkTask task, TaskFacts? facts, int day, string? message)
    {
        db.Urges.Add(new TaskUrge { Id = Guid.NewGuid(), TaskId = task.Id, Day = day, At = work.Now, By = work.Actor, Message = message });
        if (facts is not null)
        {
            facts.UrgeCount++;
        }
        work.Journal(task.InstanceId, JournalKind, task.ActivityId, new { by = work.Actor, message }, task.Id);
        writer.Enqueue(work, NotificationKind.Urge, recipients.Of(db, [task.Assignee]), TaskNotices.Model(db, catalog, task, work.Now, message),
            $"urge:{task.Id}:{day}");
    }

    /// <summary>
    /// The tasks among <paramref name="ids"/> the caller may urge: every one for those who supervise everything; for an
    /// agency, those of the measures it leads (by the policy's record, else by the instance's lead, as the access rules read it).
    /// </summary>
    private async Task<HashSet<Guid>> LedByCallerAsync(Caller caller, IReadOnlyList<Guid> ids, CancellationToken cancellationToken)
    {
        var scope = ReportScope.For(caller, catalog, regions);
        await using var db = dbFactory.Create();
        var known = await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id)).Select(t => t.Id).ToListAsync(cancellationToken);
        // Unknown ids are not the caller's to be refused for: they are reported as not existing.
        var allowed = ids.Except(known).ToHashSet();
        if (scope.Everything)
        {
            allowed.UnionWith(known);
            return allowed;
        }
        var facts = db.TaskFacts.AsNoTracking().Where(f => ids.Contains(f.TaskId));
        if (scope.LeadAgency is null)
        {
            allowed.UnionWith(await facts.Where(f => f.RegionCode == scope.Region!.Code || f.CityCode == scope.Region.Code)
                .Select(f => f.TaskId).ToListAsync(cancellationToken));
            return allowed;
        }
        var lead = scope.LeadAgency;
        var ledMeasures = db.Measures.Where(m => m.LeadAgencyId == lead);
        allowed.UnionWith(await facts.Where(f => ledMeasures.Any(m => m.PolicyId == f.PolicyId && m.Number == f.MeasureNo))
            .Select(f => f.TaskId).ToListAsync(cancellationToken));
        var visibility = new Visibility(db, catalog, regions);
        foreach (var id in known.Where(id => !allowed.Contains(id)))
        {
            if (await visibility.LeadsTaskAsync(caller, id, cancellationToken))
            {
                allowed.Add(id);
            }
        }
        return allowed;
    }

    internal static int DayOf(DateTimeOffset instant)
    {
        var date = ChinaTime.DateOf(instant);
        return (date.Year * 10000) + (date.Month * 100) + date.Day;
    }

    private static string TimeOfDay(DateTimeOffset at) => TimeZoneInfo.ConvertTime(at, ChinaTime.Zone).ToString("HH:mm", System.Globalization.CultureInfo.InvariantCulture);
}

public sealed record UrgeResult(int Urged, IReadOnlyList<UrgeRefusal> Refused);

public sealed record UrgeRefusal(Guid TaskId, string Reason);

public sealed record UrgePreview(int WillUrge, int AlreadyUrgedToday, int NotOpen, IReadOnlyList<UrgeRecipientGroup> Agencies);

public sealed record UrgeRecipientGroup(string AgencyId, string AgencyName, int Tasks, IReadOnlyList<string> Emails);
