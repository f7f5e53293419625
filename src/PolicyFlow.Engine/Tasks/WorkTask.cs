using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Tasks;

/// <summary>A human task in an assignee's inbox; completing it resumes the instance that waits on it.</summary>
/// <remarks>
/// State changes are the methods below, so the rules (a closed task does not change, a comment where the activity asks
/// for one) and the concurrency revision live in one place, whoever calls them.
/// </remarks>
public sealed class WorkTask
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public Guid BookmarkId { get; set; }
    public required string ActivityId { get; set; }
    public required string Title { get; set; }
    public string? Instructions { get; set; }

    /// <summary>Who must act: an agency id, a user, or any key the activities agree on.</summary>
    public required string Assignee { get; set; }

    public WorkTaskStatus Status { get; set; }

    /// <summary>Allowed outcomes, comma separated (e.g. <c>Done</c>, or <c>Accept,Return</c> for a review).</summary>
    public string Outcomes { get; set; } = "Done";

    /// <summary>The outcomes that need a comment saying why (e.g. <c>Return</c>), comma separated, as the activity declared them.</summary>
    public string? CommentRequiredFor { get; set; }

    public string? CorrelationId { get; set; }

    /// <summary>Settings the activities keep with the task (e.g. its notice plan), as JSON; the activity that wrote a key reads it.</summary>
    public string DataJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }

    /// <summary>The latest progress report: what was done, how far (0–100), when and by whom.</summary>
    public string? ProgressNote { get; set; }
    public int? ProgressPercent { get; set; }
    public DateTimeOffset? ProgressAt { get; set; }
    public string? ProgressBy { get; set; }

    public int Revision { get; set; }

    public bool IsOpen => Status is WorkTaskStatus.Open or WorkTaskStatus.Claimed;

    public IReadOnlyList<string> OutcomeList => Split(Outcomes);

    public bool NeedsComment(string outcome) => Split(CommentRequiredFor).Contains(outcome, StringComparer.Ordinal);

    /// <summary>Signs for the task; false (nothing changes) when it is not open for signing.</summary>
    public bool Claim(string actor, DateTimeOffset now)
    {
        if (Status != WorkTaskStatus.Open)
        {
            return false;
        }
        Status = WorkTaskStatus.Claimed;
        ClaimedAt = now;
        ClaimedBy = actor;
        Revision++;
        return true;
    }

    public void ReportProgress(string note, int? percent, string actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            throw EngineException.Conflict($"任务已{Status}，不能再报送进展。 Task {Id} is {Status}; progress can only be reported on an open task.");
        }
        if (string.IsNullOrWhiteSpace(note))
        {
            throw EngineException.Invalid("请填写进展情况。 A progress report needs a note.");
        }
        if (percent is < 0 or > 100)
        {
            throw EngineException.Invalid("完成比例应在 0 到 100 之间。 Progress percent must be between 0 and 100.");
        }
        ProgressNote = note.Trim();
        ProgressPercent = percent;
        ProgressAt = now;
        ProgressBy = actor;
        Revision++;
    }

    /// <summary>Completes the task with <paramref name="outcome"/>; false when it was already closed (a repeat changes nothing).</summary>
    public bool Complete(string outcome, string? comment, string actor, DateTimeOffset now)
    {
        if (!IsOpen)
        {
            return false;
        }
        if (!OutcomeList.Contains(outcome, StringComparer.Ordinal))
        {
            throw EngineException.Invalid($"办理结果“{outcome}”不适用于此任务。 Outcome '{outcome}' is not allowed for task {Id}; allowed: {Outcomes}.");
        }
        if (NeedsComment(outcome) && string.IsNullOrWhiteSpace(comment))
        {
            throw EngineException.Invalid($"请填写意见，说明理由（退回重办须写明需要修改的内容）。 Outcome '{outcome}' needs a comment saying why (for a return for rework, 退办: what to fix).");
        }
        Status = WorkTaskStatus.Completed;
        Outcome = outcome;
        Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim();
        CompletedAt = now;
        CompletedBy = actor;
        Revision++;
        return true;
    }

    public void MoveDueDate(DateTimeOffset dueAt)
    {
        if (!IsOpen)
        {
            throw EngineException.Conflict($"Task {Id} is {Status}; only an open task's due date can move.");
        }
        DueAt = dueAt;
        Revision++;
    }

    /// <summary>
    /// Marks a change kept beside the task (a file attached to it): the revision moves on, so a writer that read the task
    /// before — a completion, a cancel — conflicts and starts again from what this change committed.
    /// </summary>
    public void Touch() => Revision++;

    private static string[] Split(string? list) =>
        list is null ? [] : list.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
