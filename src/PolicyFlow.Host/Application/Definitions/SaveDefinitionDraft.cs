using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Definitions;

/// <summary>
/// Saves a definition's JSON as its draft, with the caller as its author. Every defect comes back with its JSON path and
/// nothing is stored; the designer and <c>PUT /api/workflow-definitions/{id}/draft</c> both come here.
/// </summary>
internal sealed class SaveDefinitionDraft(UseCaseAudit audit, DefinitionService definitions)
{
    public const string Operation = "definition.draft";

    /// <param name="expectedId">The id the caller addressed (the URL's); the JSON's own id must match it.</param>
    public Task<WorkflowDefinitionVersion> HandleAsync(Caller caller, string json, string? expectedId = null, CancellationToken cancellationToken = default)
    {
        var bodyId = IdIn(json);
        return audit.RunAsync(caller, Capabilities.DefinitionPublish, Operation, Subject(expectedId ?? bodyId), () =>
        {
            if (expectedId is not null && bodyId is not null && bodyId != expectedId)
            {
                throw EngineException.Invalid($"The body's id '{bodyId}' does not match the URL's '{expectedId}'.");
            }
            return definitions.SaveDraftAsync(json, caller.UserName, cancellationToken);
        }, cancellationToken);
    }

    public static string Subject(string? definitionId) => $"/workflow-definitions/{definitionId ?? "?"}";

    /// <summary>The definition's id as its JSON states it, for the audit line; null when the JSON does not say.</summary>
    internal static string? IdIn(string json)
    {
        try
        {
            return JsonNode.Parse(json) is JsonObject o && o["id"] is JsonValue v && v.TryGetValue<string>(out var id) ? id : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
