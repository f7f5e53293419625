namespace PolicyFlow.Activities.Tracking;

/// <summary>A remark on a task by someone who works on or supervises it (意见交流): who, when, what.</summary>
public sealed class TaskComment
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string By { get; set; }
    public required string Text { get; set; }
}
