namespace PolicyFlow.Activities.Postponements;

/// <summary>An assignee's request (延期申请) to move a task's due date, and the lead agency's decision.</summary>
public sealed class ExtensionRequest
{
    public Guid Id { get; set; }
    public Guid TaskId { get; set; }
    public Guid InstanceId { get; set; }
    public required string RequestedBy { get; set; }
    public DateTimeOffset RequestedAt { get; set; }
    public required string Reason { get; set; }
    public DateTimeOffset CurrentDueAt { get; set; }
    public DateTimeOffset RequestedDueAt { get; set; }
    public ExtensionStatus Status { get; set; }
    public string? DecidedBy { get; set; }
    public DateTimeOffset? DecidedAt { get; set; }
    public string? DecisionComment { get; set; }
}

/// <summary>Where a request stands.</summary>
public enum ExtensionStatus
{
    Pending,
    Approved,
    Rejected,
}
