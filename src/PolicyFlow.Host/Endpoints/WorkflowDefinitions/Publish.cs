using PolicyFlow.Host.Application.Definitions;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

internal static class Publish
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id}/publish", async (string id, PublishDefinition useCase, HttpContext http, CancellationToken ct) =>
        DefinitionSummary.From(await useCase.HandleAsync(Caller.From(http.User), id, ct)));
}
