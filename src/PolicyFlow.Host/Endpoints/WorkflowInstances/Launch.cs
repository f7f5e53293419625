using System.Text.Json.Nodes;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>Launches the latest published version (or a named one). A repeated request with the same instanceId launches once.</summary>
internal static class Launch
{
    internal sealed record Request(string DefinitionId, int? Version, JsonObject? Input, string? CorrelationId, Guid? InstanceId);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/", async (Request request, WorkflowEngine engine, HttpContext http, CancellationToken ct) =>
    {
        if (string.IsNullOrWhiteSpace(request.DefinitionId))
        {
            throw EngineException.Invalid("definitionId is required.");
        }
        var instance = await engine.LaunchAsync(
            new LaunchRequest(request.DefinitionId, request.Input, request.CorrelationId, request.Version) { InstanceId = request.InstanceId },
            Actor.Of(http.User), ct);
        return Results.Created($"/api/workflow-instances/{instance.Id}", InstanceSummary.From(instance));
    });
}
