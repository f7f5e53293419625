using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>An instance as lists show it.</summary>
internal sealed record InstanceSummary(Guid Id, string DefinitionId, int DefinitionVersion, string Status, string? CorrelationId,
    Guid? ParentInstanceId, DateTimeOffset CreatedAt, DateTimeOffset UpdatedAt, DateTimeOffset? FinishedAt, Incident? Incident)
{
    public static InstanceSummary From(WorkflowInstance i) => new(i.Id, i.DefinitionId, i.DefinitionVersion, i.Status.ToString(),
        i.CorrelationId, i.ParentInstanceId, i.CreatedAt, i.UpdatedAt, i.FinishedAt,
        i.IncidentMessage is null ? null : new Incident(i.IncidentActivityId, i.IncidentMessage, i.IncidentAt));
}

/// <summary>Why an instance is faulted: the activity, the message and when.</summary>
internal sealed record Incident(string? ActivityId, string Message, DateTimeOffset? At);
