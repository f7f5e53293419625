using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Access;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// One task for the people who work on it: the policy and measure it implements, the lead and co-agencies by name, the
/// due day in working days, the extension, the evidence and the history. The API's <c>GET /api/tasks/{id}</c> and the
/// Studio's task page both read it here. A task the caller may not see is "not found".
/// </summary>
internal sealed class TaskDetail(DbFactory dbFactory, AccountsDb accounts, AgencyCatalog catalog, RegionDirectory regions, WorkingCalendar calendar,
    TimeProvider clock, WarningLightRule lightRule)
{
    public async Task<TaskDetailView> HandleAsync(Caller caller, Guid taskId, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await using var db = dbFactory.Create();
        var visibility = new Visibility(db, catalog, regions);
        var access = await visibility.TaskAccessAsync(caller, taskId, cancellationToken);
        var task = access == TaskAccess.None ? null : await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == taskId, cancellationToken);
        if (task is null)
        {
            throw EngineException.NotFound($"任务不存在，或您无权查看。 Task {taskId} does not exist.");
        }
        var facts = await db.TaskFacts.AsNoTracking().FirstOrDefaultAsync(f => f.TaskId == taskId, cancellationToken);
        var now = clock.GetUtcNow();
        var (policy, measure) = await MeasureOfAsync(db, facts, cancellationToken);
        await using var accountsDb = accounts.Create();
        var attachments = await db.Attachments.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.UploadedAt).ToListAsync(cancellationToken);
        var extension = await db.Extensions.AsNoTracking().Where(e => e.TaskId == taskId).OrderByDescending(e => e.RequestedAt).FirstOrDefaultAsync(cancellationToken);
        // Who may decide a pending request is DecideExtension's rule, asked here so the page offers it to them alone.
        var decides = extension is { Status: ExtensionStatus.Pending } pending && Postponements.DecideExtension.Refusal(caller, pending.RequestedBy, task.Assignee,
            await visibility.LeadAgencyAsync(task.InstanceId, cancellationToken)) is null;
        var story = new TaskHistory(db, accountsDb, catalog);
        var history = await story.ForAsync(task, facts, cancellationToken);
        var comments = await db.Comments.AsNoTracking().Where(c => c.TaskId == taskId).OrderBy(c => c.At).ToListAsync(cancellationToken);
        var reported = new ReportedSteps(db, catalog);
        var underReview = await reported.UnderReviewAsync(task, facts, cancellationToken);
        var counties = await reported.CountiesAsync(task, facts, cancellationToken);
        // Everyone the page names, as people read them (显示名（单位）), in one lookup.
        var people = await story.PeopleAsync([.. comments.Select(c => c.By), .. underReview.Select(s => s.SubmittedBy ?? ""), extension?.RequestedBy ?? ""],
            cancellationToken);
        return new TaskDetailView(task.Id, task.InstanceId, task.Title, task.Instructions, Name(task.Assignee), task.Status.ToString(), task.OutcomeList,
            [.. task.OutcomeList.Where(task.NeedsComment)], task.CreatedAt, DueOf(task, now), task.ClaimedBy, task.ClaimedAt,
            task.ProgressNote is { } note && task.ProgressAt is { } at ? new TaskProgressView(note, task.ProgressPercent, at, task.ProgressBy) : null,
            task.Outcome, task.Comment, task.CompletedAt, task.CompletedBy, facts?.Step, facts?.Round ?? 1, policy, measure,
            extension is null ? null : new ExtensionState(extension.Id, extension.Status.ToString(), DueDay.Of(extension.RequestedDueAt), extension.Reason,
                extension.RequestedBy, people.GetValueOrDefault(extension.RequestedBy, extension.RequestedBy), extension.RequestedAt, extension.DecidedBy, extension.DecidedAt, extension.DecisionComment),
            [.. attachments.Select(a => new AttachmentView(a.Id, a.FileName, a.ContentType, a.Size, a.Sha256, a.UploadedAt, a.UploadedBy,
                AttachEvidence.DownloadUrl(taskId, a.Id)))],
            history, [.. comments.Select(c => new CommentView(c.Id, c.At, people.GetValueOrDefault(c.By, c.By), c.Text))], access == TaskAccess.Act,
            [.. underReview.Select(s => s with { SubmittedBy = s.SubmittedBy is { } by ? people.GetValueOrDefault(by, by) : null })], counties, decides);
    }

    private TaskDue? DueOf(WorkTask task, DateTimeOffset now)
    {
        if (task.DueAt is not { } due)
        {
            return null;
        }
        var day = DueDay.Of(due);
        return new TaskDue(due, day, calendar.WorkingDaysBetween(ChinaTime.DateOf(now), day),
            task.IsOpen ? lightRule.Of(due, now).ToString() : null);
    }

    private async Task<(PolicyRef?, MeasureView?)> MeasureOfAsync(PolicyFlowDbContext db, TaskFacts? facts, CancellationToken cancellationToken)
    {
        if (facts?.PolicyId is not { } policyId)
        {
            return (null, null);
        }
        var policy = await db.Policies.AsNoTracking().Where(p => p.Id == policyId)
            .Select(p => new PolicyRef(p.Id, p.Title, p.DocumentNumber)).FirstOrDefaultAsync(cancellationToken);
        var record = facts.MeasureNo is { } number
            ? await db.Measures.AsNoTracking().FirstOrDefaultAsync(m => m.PolicyId == policyId && m.Number == number, cancellationToken)
            : null;
        if (record is null)
        {
            return (policy, null);
        }
        var co = JsonSerializer.Deserialize<List<string>>(record.CoAgencyIdsJson) ?? [];
        return (policy, new MeasureView(record.Number, record.NumberText, record.SectionTitle, record.Title, record.Body, Name(record.LeadAgencyId),
            [.. co.Select(Name)]));
    }

    private AgencyName Name(string agencyId) => new(agencyId, catalog.Find(agencyId)?.Name ?? agencyId);
}
