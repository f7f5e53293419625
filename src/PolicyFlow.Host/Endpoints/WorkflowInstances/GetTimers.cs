using PolicyFlow.Host.Application.Instances;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>The instance's timers the caller may see: pending ones with their due time, fired ones with their lateness.</summary>
internal static class GetTimers
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/timers", async (Guid id, ReadInstance read, HttpContext http, CancellationToken ct) =>
        (await read.TimersAsync(Caller.From(http.User), id, ct))
            .Select(t => new { t.Id, t.Kind, t.TaskId, t.DueAt, Status = t.Status.ToString(), t.FiredAt, t.LatenessMs }));
}
