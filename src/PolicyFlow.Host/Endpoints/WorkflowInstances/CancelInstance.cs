using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>Cancels an instance and its children; cancelling a finished instance changes nothing.</summary>
internal static class CancelInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/cancel", async (Guid id, WorkflowEngine engine, HttpContext http, CancellationToken ct) =>
        new { cancelled = await engine.CancelAsync(id, Actor.Of(http.User), ct) });
}
