using System.Text.Json.Nodes;
using PolicyFlow.Host.Application.Instances;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>The instance's history, oldest first: every state change the caller may see, with time, actor and data.</summary>
internal static class GetJournal
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}/journal", async (Guid id, ReadInstance read, HttpContext http, CancellationToken ct) =>
        (await read.JournalAsync(Caller.From(http.User), id, ct))
            .Select(j => new { j.Id, j.At, j.Actor, j.Kind, j.ActivityId, j.TaskId, data = JsonNode.Parse(j.DataJson) }));
}
