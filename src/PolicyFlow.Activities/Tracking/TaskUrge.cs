namespace PolicyFlow.Activities.Tracking;

/// <summary>
/// One urge (催办) of one task: who urged, when, with what message. At most one per task per Shanghai day — the unique
/// (task, day) index is the rule, so two hosts or a double click cannot both urge.
/// </summary>
public sealed class TaskUrge
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }

    /// <summary>The Shanghai calendar day of the urge, as yyyymmdd.</summary>
    public int Day { get; set; }

    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public string? Message { get; set; }
}
