namespace PolicyFlow.Host.Application.Tasks;

/// <summary>
/// A task as its assignee reads it (<c>GET /api/tasks/{id}</c> and the Studio's task page): what it implements, who leads,
/// by when, where the extension stands (and whether the caller decides its pending request), the evidence and what
/// happened so far — no engine data.
/// </summary>
public sealed record TaskDetailView(
    Guid Id,
    Guid InstanceId,
    string Title,
    string? Instructions,
    AgencyName Assignee,
    string Status,
    IReadOnlyList<string> Outcomes,
    IReadOnlyList<string> CommentRequiredFor,
    DateTimeOffset CreatedAt,
    TaskDue? Due,
    string? ClaimedBy,
    DateTimeOffset? ClaimedAt,
    TaskProgressView? Progress,
    string? Outcome,
    string? Comment,
    DateTimeOffset? CompletedAt,
    string? CompletedBy,
    string? Step,
    int Round,
    PolicyRef? Policy,
    MeasureView? Measure,
    ExtensionState? Extension,
    IReadOnlyList<AttachmentView> Attachments,
    IReadOnlyList<HistoryLine> History,
    IReadOnlyList<CommentView> Comments,
    bool CanAct,
    IReadOnlyList<SubmissionView> UnderReview,
    CountyReportsView? Counties,
    bool CanDecideExtension = false)
{
    public bool IsOpen => Status is nameof(Engine.Tasks.WorkTaskStatus.Open) or nameof(Engine.Tasks.WorkTaskStatus.Claimed);
}

/// <summary>An agency by its id and its name (上城区经信局), so no page shows a bare <c>jx-330102</c>.</summary>
public sealed record AgencyName(string Id, string Name);

/// <summary>The due day (the last day to finish, Asia/Shanghai), working days left (negative once overdue) and the light.</summary>
public sealed record TaskDue(DateTimeOffset DueAt, DateOnly DueDay, int WorkingDaysLeft, string? Light);

public sealed record TaskProgressView(string Note, int? Percent, DateTimeOffset At, string? By);

/// <summary>The policy a task belongs to: title and document number (文号).</summary>
public sealed record PolicyRef(string Id, string Title, string? DocumentNumber);

/// <summary>The measure the task implements, with its full text, its lead agency and co-agencies.</summary>
public sealed record MeasureView(int Number, string NumberText, string? Section, string Title, string Body, AgencyName Lead,
    IReadOnlyList<AgencyName> CoAgencies);

/// <summary>
/// The latest extension request (延期) of the task: pending, approved to a new day, or rejected. <see cref="RequestedBy"/> is the
/// account's user name; <see cref="RequestedByName"/> the same person as the page names them (显示名（单位）).
/// </summary>
public sealed record ExtensionState(Guid Id, string Status, DateOnly RequestedDueDay, string Reason, string RequestedBy, string RequestedByName, DateTimeOffset RequestedAt,
    string? DecidedBy, DateTimeOffset? DecidedAt, string? DecisionComment);

public sealed record AttachmentView(Guid Id, string FileName, string ContentType, long Size, string Sha256, DateTimeOffset UploadedAt, string UploadedBy,
    string DownloadUrl);

/// <summary>A remark on the task (意见交流), by a person's name and agency.</summary>
public sealed record CommentView(Guid Id, DateTimeOffset At, string By, string Text);

/// <summary>
/// One line of the task's history in plain language: <see cref="HistoryKinds"/> says what happened, <c>By</c> who did
/// it (a person's name and agency), <c>Percent</c>, <c>Text</c> (a note, a reason) and <c>Day</c> (a new due day) complete it.
/// </summary>
public sealed record HistoryLine(DateTimeOffset At, string Kind, string By, int? Percent = null, string? Text = null, DateOnly? Day = null);

/// <summary>What a history line tells.</summary>
public static class HistoryKinds
{
    public const string Assigned = "Assigned";
    public const string Claimed = "Claimed";
    public const string Progress = "Progress";
    public const string Submitted = "Submitted";
    public const string Returned = "Returned";
    public const string Accepted = "Accepted";
    public const string Cancelled = "Cancelled";
    public const string ExtensionRequested = "ExtensionRequested";
    public const string ExtensionApproved = "ExtensionApproved";
    public const string ExtensionRejected = "ExtensionRejected";
    public const string Urged = "Urged";
    public const string Attached = "Attached";

    public static IReadOnlyList<string> All { get; } =
        [Returned, Accepted, Assigned, Claimed, Progress, Attached, Submitted, Cancelled, ExtensionRequested, ExtensionApproved, ExtensionRejected, Urged];

    /// <summary>The order of two lines of the same moment: a return before the new round it assigns, assigned before claimed.</summary>
    public static int Order(string kind) => All.ToList().IndexOf(kind);
}

/// <summary>A submission a review decides on: who reported, when, with what remark and latest progress.</summary>
public sealed record SubmissionView(Guid TaskId, AgencyName Agency, DateTimeOffset SubmittedAt, string? SubmittedBy, string? Comment,
    string? ProgressNote, int? ProgressPercent);

/// <summary>
/// 已报 8/13: how many of a city's counties have reported (their report accepted by the city) and which have not — as of
/// <c>AsOf</c>, the city's submission, once it reported; the counties not reported then are marked 未报.
/// </summary>
public sealed record CountyReportsView(int Reported, int Total, DateTimeOffset? AsOf, IReadOnlyList<CountyReportLine> Counties)
{
    public IEnumerable<CountyReportLine> NotReported => Counties.Where(c => c.State != CountyReportStates.Reported);
}

public sealed record CountyReportLine(AgencyName County, string State);

/// <summary>Where a county's report stands for its city.</summary>
public static class CountyReportStates
{
    public const string Reported = "Reported";
    public const string AwaitingReview = "AwaitingReview";
    public const string NotReported = "NotReported";
}
