using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

/// <summary>A definition version as the API shows it; <see cref="Definition"/> only when asked for one version.</summary>
internal sealed record DefinitionSummary(string Id, int Version, string Name, string Status, DateTimeOffset CreatedAt,
    DateTimeOffset? PublishedAt, string? PublishedBy, JsonNode? Definition)
{
    public static DefinitionSummary From(WorkflowDefinitionVersion v, bool withJson = false) =>
        new(v.DefinitionId, v.Version, v.Name, v.Status.ToString(), v.CreatedAt, v.PublishedAt, v.PublishedBy,
            withJson ? JsonNode.Parse(v.Json) : null);
}
