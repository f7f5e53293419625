using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>One task as its assignee reads it: the same <see cref="TaskDetail"/> the Studio's task page shows.</summary>
internal static class GetTask
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", async (Guid id, TaskDetail useCase, HttpContext http, CancellationToken ct) =>
        TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), id, ct)));
}
