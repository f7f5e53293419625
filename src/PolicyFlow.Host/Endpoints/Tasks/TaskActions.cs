using System.Text.Json.Nodes;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>
/// Sign for (claim), report progress, complete, return — thin adapters over the use cases the Studio calls too. Every
/// action may be repeated: a second completion returns the task as it is with <c>changed: false</c>.
/// </summary>
internal static class TaskActions
{
    internal sealed record CompleteRequest(string? Outcome, string? Comment, JsonObject? Data);
    internal sealed record ReturnRequest(string? Comment);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/claim", async (ClaimTasks.Request request, ClaimTasks useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), request, ct)));
        group.MapPost("/{id:guid}/claim", async (Guid id, ClaimTask useCase, HttpContext http, CancellationToken ct) =>
            Result(await useCase.HandleAsync(Caller.From(http.User), id, ct)));
        group.MapPost("/{id:guid}/progress", async (Guid id, ReportProgress.Request request, ReportProgress useCase, HttpContext http, CancellationToken ct) =>
            Result(await useCase.HandleAsync(Caller.From(http.User), id, request, ct)));
        group.MapPost("/{id:guid}/complete", async (Guid id, CompleteRequest request, CompleteTask useCase, HttpContext http, CancellationToken ct) =>
            Result(await useCase.HandleAsync(Caller.From(http.User), id, new CompleteTask.Request(request.Outcome, request.Comment, request.Data), ct)));
        group.MapPost("/{id:guid}/comments", async (Guid id, CommentOnTask.Request request, CommentOnTask useCase, HttpContext http, CancellationToken ct) =>
        {
            var comment = await useCase.HandleAsync(Caller.From(http.User), id, request, ct);
            return TypedResults.Created($"/api/tasks/{id}", new CommentView(comment.Id, comment.At, comment.By, comment.Text));
        });
        group.MapPost("/{id:guid}/return", async (Guid id, ReturnRequest request, CompleteTask useCase, HttpContext http, CancellationToken ct) =>
            Result(await useCase.ReturnAsync(Caller.From(http.User), id, request.Comment, ct)));
    }

    // The light belongs to the inbox and the task page; an action's answer says what changed.
    private static object Result(TaskActionResult result) => new { changed = result.WasChanged, task = TaskView.From(result.Task, null, null) };
}
