namespace PolicyFlow.Activities.Tracking;

/// <summary>A user's saved inbox view (常用筛选): a name and the filter, kept on the server so it follows the user.</summary>
public sealed class InboxView
{
    public Guid Id { get; set; }
    public required string UserName { get; set; }
    public required string Name { get; set; }

    /// <summary>The inbox filter as JSON, written and read whole as one typed record by the use case.</summary>
    public required string FilterJson { get; set; }

    public DateTimeOffset SavedAt { get; set; }
}
