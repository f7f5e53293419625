using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Endpoints.WorkflowInstances;
using UseCase = PolicyFlow.Host.Application.Policies.LaunchPolicy;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>
/// Launches every measure of a policy; launching again returns the same instances and launches nothing new. A policy
/// launched after it took effect is tracked from <c>trackingStartOn</c> (交办日期; default: today).
/// </summary>
internal static class LaunchPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id}/launch",
        async (string id, DateOnly? trackingStartOn, UseCase useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await useCase.HandleAsync(Caller.From(http.User), id, trackingStartOn, ct)).Select(InstanceSummary.From).ToList()));
}
