using System.Text.Json.Nodes;
using PolicyFlow.Host.Application.Definitions;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

/// <summary>PUT a definition's JSON as its draft; every defect comes back with its JSON path and nothing is stored.</summary>
internal static class SaveDraft
{
    public static void Map(RouteGroupBuilder group) => group.MapPut("/{id}/draft", async (string id, JsonNode body, SaveDefinitionDraft useCase,
        HttpContext http, CancellationToken ct) =>
        Results.Ok(DefinitionSummary.From(await useCase.HandleAsync(Caller.From(http.User), body.ToJsonString(), id, ct), withJson: true)));
}
