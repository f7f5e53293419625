using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// What a reviewer and a reporting city need beside the task itself: the submissions a review decides on, and how many of
/// a city's counties have reported (已报 8/13) — a county has reported once its city accepted its report, which ends the
/// county's instance. A city's report made before all had is read as of that moment, so the counties still missing then
/// stay marked as not reported (未报) on the report and on its review. Derived from the tasks and instances, nothing stored.
/// </summary>
internal sealed class ReportedSteps(PolicyFlowDbContext db, AgencyCatalog catalog)
{
    private static readonly string[] Reported = [StepNames.CoAgency, StepNames.County, StepNames.City];

    /// <summary>For a review: the latest submission of each reviewed step of its instance made before the review was assigned.</summary>
    public async Task<IReadOnlyList<SubmissionView>> UnderReviewAsync(WorkTask task, TaskFacts? facts, CancellationToken cancellationToken)
    {
        if (facts?.Step != StepNames.Review)
        {
            return [];
        }
        var submitted = await db.Tasks.AsNoTracking()
            .Where(t => t.InstanceId == task.InstanceId && t.Status == WorkTaskStatus.Completed && t.CompletedAt <= task.CreatedAt
                && db.TaskFacts.Any(f => f.TaskId == t.Id && Reported.Contains(f.Step)))
            .ToListAsync(cancellationToken);
        return [.. submitted.GroupBy(t => (t.ActivityId, t.Assignee))
            .Select(g => g.OrderByDescending(t => t.CompletedAt).First())
            .OrderBy(t => t.CompletedAt)
            .Select(t => new SubmissionView(t.Id, Name(t.Assignee), t.CompletedAt!.Value, t.CompletedBy, t.Comment, t.ProgressNote, t.ProgressPercent))];
    }

    /// <summary>
    /// For a city's report, or the lead's review of it: its counties and whether each has reported — now while the report is
    /// open, as of the report's submission once it is made. Null for any other task.
    /// </summary>
    public async Task<CountyReportsView?> CountiesAsync(WorkTask task, TaskFacts? facts, CancellationToken cancellationToken)
    {
        WorkTask? report = facts?.Step switch
        {
            StepNames.City => task,
            StepNames.Review => await db.Tasks.AsNoTracking()
                .Where(t => t.InstanceId == task.InstanceId && t.Status == WorkTaskStatus.Completed && t.CompletedAt <= task.CreatedAt
                    && db.TaskFacts.Any(f => f.TaskId == t.Id && f.Step == StepNames.City))
                .OrderByDescending(t => t.CompletedAt).FirstOrDefaultAsync(cancellationToken),
            _ => null,
        };
        if (report is null)
        {
            return null;
        }
        var asOf = report.Status == WorkTaskStatus.Completed ? report.CompletedAt : null;
        var children = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == report.InstanceId)
            .Select(i => new { i.Id, i.Status, i.FinishedAt }).ToListAsync(cancellationToken);
        var ids = children.Select(c => c.Id).ToList();
        var steps = await db.Tasks.AsNoTracking()
            .Where(t => ids.Contains(t.InstanceId) && db.TaskFacts.Any(f => f.TaskId == t.Id && (f.Step == StepNames.County || f.Step == StepNames.Review)))
            .Select(t => new { t.InstanceId, t.Assignee, t.Status, Review = db.TaskFacts.Any(f => f.TaskId == t.Id && f.Step == StepNames.Review) })
            .ToListAsync(cancellationToken);
        var counties = children.Select(child =>
            {
                var county = steps.FirstOrDefault(s => s.InstanceId == child.Id && !s.Review)?.Assignee;
                var state = child.Status == InstanceStatus.Completed && (asOf is null || child.FinishedAt <= asOf) ? CountyReportStates.Reported
                    : asOf is null && steps.Any(s => s.InstanceId == child.Id && s.Review && s.Status is WorkTaskStatus.Open or WorkTaskStatus.Claimed)
                        ? CountyReportStates.AwaitingReview
                        : CountyReportStates.NotReported;
                return (County: county, State: state);
            })
            .Where(c => c.County is not null)
            .Select(c => new CountyReportLine(Name(c.County!), c.State))
            .OrderBy(c => c.State == CountyReportStates.Reported).ThenBy(c => c.County.Id, StringComparer.Ordinal)
            .ToList();
        return new CountyReportsView(counties.Count(c => c.State == CountyReportStates.Reported), counties.Count, asOf, counties);
    }

    private AgencyName Name(string agencyId) => new(agencyId, catalog.Find(agencyId)?.Name ?? agencyId);
}
