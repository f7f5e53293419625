using PolicyFlow.Host.Auth;
using UseCase = PolicyFlow.Host.Application.Instances.CancelInstance;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>Cancels an instance and its children; cancelling a finished instance changes nothing.</summary>
internal static class CancelInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id:guid}/cancel", async (Guid id, UseCase useCase, HttpContext http, CancellationToken ct) =>
        new { cancelled = await useCase.HandleAsync(Caller.From(http.User), id, ct) });
}
