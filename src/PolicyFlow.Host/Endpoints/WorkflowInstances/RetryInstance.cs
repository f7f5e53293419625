using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>Runs a faulted instance's failed paths again once the cause is fixed.</summary>
internal static class RetryInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/retry", async (Guid id, WorkflowEngine engine, HttpContext http, CancellationToken ct) =>
    {
        await engine.RetryAsync(id, Actor.Of(http.User), ct);
        return Results.NoContent();
    });
}
