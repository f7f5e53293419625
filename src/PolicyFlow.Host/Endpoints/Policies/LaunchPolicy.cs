using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Endpoints.WorkflowInstances;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>
/// Launches every measure of a policy; launching again returns the same instances and launches nothing new. A policy
/// launched after it took effect is tracked from <c>trackingStartOn</c> (交办日期; default: today).
/// </summary>
internal static class LaunchPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id}/launch",
        async (string id, DateOnly? trackingStartOn, PolicyLauncher launcher, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok((await launcher.LaunchAsync(id, Actor.Of(http.User), trackingStartOn, ct)).Select(InstanceSummary.From).ToList()));
}
