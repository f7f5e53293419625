using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

internal static class GetDefinition
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}", async (string id, int? version, DefinitionService definitions, CancellationToken ct) =>
    {
        var found = await definitions.GetAsync(id, version, ct)
            ?? throw EngineException.NotFound(version is null ? $"Workflow definition '{id}' does not exist." : $"Workflow definition '{id}' has no version {version}.");
        return DefinitionSummary.From(found, withJson: true);
    });
}
