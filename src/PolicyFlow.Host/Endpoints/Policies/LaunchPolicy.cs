using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Endpoints.WorkflowInstances;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>Launches every measure of a policy; launching again returns the same instances and launches nothing new.</summary>
internal static class LaunchPolicy
{
    public static void Map(RouteGroupBuilder group) => group.MapPost("/{id}/launch", async (string id, PolicyLauncher launcher, HttpContext http, CancellationToken ct) =>
        (await launcher.LaunchAsync(id, Actor.Of(http.User), ct)).Select(InstanceSummary.From));
}
