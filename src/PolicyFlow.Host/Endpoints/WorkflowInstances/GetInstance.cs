using System.Text.Json.Nodes;
using PolicyFlow.Host.Application.Instances;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>
/// One instance with its variables, activity states, open bookmarks and tasks — what the instance viewer draws — as far as
/// the caller may see it (<see cref="Auth.Access.InstanceView"/>; <c>whole</c> says whether this is all of it).
/// </summary>
internal static class GetInstance
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", async (Guid id, ReadInstance read, HttpContext http, CancellationToken ct) =>
    {
        var detail = await read.DetailAsync(Caller.From(http.User), id, ct);
        return new
        {
            instance = InstanceSummary.From(detail.Instance),
            whole = detail.Whole,
            variables = detail.VariablesJson is null ? null : JsonNode.Parse(detail.VariablesJson),
            activities = detail.Activities,
            bookmarks = detail.Bookmarks.Select(b => new { b.Id, b.ActivityId, Kind = b.Kind.ToString(), b.Key, b.CreatedAt }),
            tasks = detail.Tasks.Select(t => new { t.Id, t.ActivityId, t.Title, t.Assignee, Status = t.Status.ToString(), t.DueAt, t.Outcome }),
        };
    });
}
