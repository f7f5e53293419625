using System.Text.Json.Nodes;

namespace PolicyFlow.Engine.Runtime;

/// <summary>What to launch: a definition (latest published version unless one is named), its input and correlation.</summary>
public sealed record LaunchRequest(string DefinitionId, JsonObject? Input = null, string? CorrelationId = null, int? Version = null)
{
    /// <summary>A caller-chosen id makes a repeated launch request idempotent.</summary>
    public Guid? InstanceId { get; init; }
}
