namespace PolicyFlow.Engine.Tasks;

/// <summary>A human task in an assignee's inbox; completing it resumes the instance that waits on it.</summary>
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

    public string? CorrelationId { get; set; }

    /// <summary>Free-form data the activities keep with the task (region, measure, kind…), as JSON.</summary>
    public string DataJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? DueAt { get; set; }
    public DateTimeOffset? ClaimedAt { get; set; }
    public string? ClaimedBy { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? CompletedBy { get; set; }
    public string? Outcome { get; set; }
    public string? Comment { get; set; }

    public int Revision { get; set; }

    public bool IsOpen => Status is WorkTaskStatus.Open or WorkTaskStatus.Claimed;

    public IReadOnlyList<string> OutcomeList => Outcomes.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}
