namespace PolicyFlow.Engine.Journal;

/// <summary>One state change of an instance: when, who, what, with its data — the audit trail.</summary>
public sealed class JournalEntry
{
    public long Id { get; set; }
    public Guid InstanceId { get; set; }
    public DateTimeOffset At { get; set; }
    public required string Actor { get; set; }
    public required string Kind { get; set; }
    public string? ActivityId { get; set; }
    public Guid? TaskId { get; set; }
    public string DataJson { get; set; } = "{}";
}
