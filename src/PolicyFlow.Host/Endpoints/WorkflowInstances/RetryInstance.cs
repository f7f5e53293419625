using PolicyFlow.Host.Auth;
using UseCase = PolicyFlow.Host.Application.Instances.RetryInstance;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>Runs a faulted instance's failed paths again once the cause is fixed.</summary>
internal static class RetryInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/retry", async (Guid id, UseCase useCase, HttpContext http, CancellationToken ct) =>
    {
        await useCase.HandleAsync(Caller.From(http.User), id, ct);
        return Results.NoContent();
    });
}
