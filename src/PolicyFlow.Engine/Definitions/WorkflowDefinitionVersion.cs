namespace PolicyFlow.Engine.Definitions;

/// <summary>A stored version of a definition (its JSON); instances run on the version they were launched with.</summary>
public sealed class WorkflowDefinitionVersion
{
    public required string DefinitionId { get; set; }
    public int Version { get; set; }
    public required string Name { get; set; }
    public DefinitionStatus Status { get; set; }
    public required string Json { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset? PublishedAt { get; set; }
    public string? PublishedBy { get; set; }
    public int Revision { get; set; }
}
