using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

/// <summary>PUT a definition's JSON as its draft; every defect comes back with its JSON path and nothing is stored.</summary>
internal static class SaveDraft
{
    public static void Map(RouteGroupBuilder group) => group.MapPut("/{id}/draft", async (string id, JsonNode body, DefinitionService definitions,
        HttpContext http, CancellationToken ct) =>
    {
        if (body is JsonObject obj && obj["id"] is JsonValue idValue && idValue.TryGetValue<string>(out var bodyId) && bodyId != id)
        {
            throw EngineException.Invalid($"The body's id '{bodyId}' does not match the URL's '{id}'.");
        }
        var saved = await definitions.SaveDraftAsync(body.ToJsonString(), Actor.Of(http.User), ct);
        return Results.Ok(DefinitionSummary.From(saved, withJson: true));
    });
}
