namespace PolicyFlow.Engine.Runtime;

/// <summary>One run of a published definition version.</summary>
public sealed class WorkflowInstance
{
    public Guid Id { get; set; }
    public required string DefinitionId { get; set; }
    public int DefinitionVersion { get; set; }
    public InstanceStatus Status { get; set; }
    public string? CorrelationId { get; set; }
    public Guid? ParentInstanceId { get; set; }
    public Guid? ParentBookmarkId { get; set; }

    /// <summary>Variables as a JSON object.</summary>
    public string VariablesJson { get; set; } = "{}";

    /// <summary>The execution state (<see cref="InstanceState"/>) as JSON.</summary>
    public string StateJson { get; set; } = "{}";

    public string? IncidentActivityId { get; set; }
    public string? IncidentMessage { get; set; }
    public DateTimeOffset? IncidentAt { get; set; }

    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset UpdatedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }

    /// <summary>Optimistic concurrency: every burst increments it.</summary>
    public int Revision { get; set; }

    public bool IsFinished => Status is InstanceStatus.Completed or InstanceStatus.Cancelled;
}
