namespace PolicyFlow.Engine.Timers;

/// <summary>A due time stored in the database — the source of truth the timer pump fires from, exactly once.</summary>
public sealed class WorkflowTimer
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }

    /// <summary>The bookmark it resumes, for WaitUntil and Delay; null for notices.</summary>
    public Guid? BookmarkId { get; set; }

    /// <summary>The task it belongs to, for reminders, overdue notices and escalations.</summary>
    public Guid? TaskId { get; set; }

    /// <summary>What firing means, e.g. <c>Resume</c>, <c>Reminder</c>, <c>Overdue</c>, <c>Escalation</c>.</summary>
    public required string Kind { get; set; }

    public DateTimeOffset DueAt { get; set; }
    public TimerStatus Status { get; set; }
    public DateTimeOffset? FiredAt { get; set; }

    /// <summary>How late it fired, in milliseconds after <see cref="DueAt"/>.</summary>
    public long? LatenessMs { get; set; }

    public string PayloadJson { get; set; } = "{}";
    public DateTimeOffset CreatedAt { get; set; }
}
