namespace PolicyFlow.Engine.Runtime;

/// <summary>A point where a path of an instance waits for a stimulus.</summary>
public sealed class Bookmark
{
    public Guid Id { get; set; }
    public Guid InstanceId { get; set; }
    public required string ActivityId { get; set; }
    public BookmarkKind Kind { get; set; }
    public string? Key { get; set; }

    /// <summary>The waiting path (<see cref="Token"/>) as JSON.</summary>
    public string TokenJson { get; set; } = "{}";

    /// <summary>The activity's own data, e.g. the children a cascade is still waiting for.</summary>
    public string PayloadJson { get; set; } = "{}";

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? ConsumedAt { get; set; }
}
