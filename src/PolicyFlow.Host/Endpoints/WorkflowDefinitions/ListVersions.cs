using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

internal static class ListVersions
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}/versions", async (string id, DefinitionService definitions, CancellationToken ct) =>
    {
        var versions = await definitions.VersionsAsync(id, ct);
        return versions.Count == 0
            ? throw EngineException.NotFound($"Workflow definition '{id}' does not exist.")
            : versions.Select(v => DefinitionSummary.From(v));
    });
}
