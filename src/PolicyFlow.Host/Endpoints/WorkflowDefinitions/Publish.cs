using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

internal static class Publish
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id}/publish", async (string id, DefinitionService definitions, HttpContext http, CancellationToken ct) =>
        DefinitionSummary.From(await definitions.PublishAsync(id, Actor.Of(http.User), ct)));
}
