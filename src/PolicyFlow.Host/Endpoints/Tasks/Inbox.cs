using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application.Tasks;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>
/// The inbox: the tasks the caller may see, filtered (exact assignee, status, light, due within N days, policy, measure,
/// step, title keyword <c>q</c>, instance, correlation), sorted and paged — the same <see cref="InboxQuery"/> as the Studio.
/// </summary>
internal static class Inbox
{
    internal sealed record Query(string? Assignee, WorkTaskStatus? Status, Guid? InstanceId, string? CorrelationId, bool? All, string? Light,
        int? DueWithinDays, string? PolicyId, int? MeasureNo, string? Step, string? Q, string? Sort, int? Skip, int? Take);

    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async ([AsParameters] Query q, InboxQuery useCase,
        System.Security.Claims.ClaimsPrincipal user, CancellationToken ct) =>
    {
        var page = await useCase.HandleAsync(user, Filter(q), ct);
        return TypedResults.Ok(new InboxResponse(page.Total, [.. page.Items.Select(i => TaskView.From(i.Task, i.Facts, i.Light))]));
    });

    /// <summary>常用筛选: the caller's saved views — list, save by name (PUT replaces), delete.</summary>
    public static void MapViews(RouteGroupBuilder group)
    {
        group.MapGet("/views", async (InboxViews useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.ListAsync(Auth.Caller.From(http.User), ct)));
        group.MapPut("/views/{name}", async (string name, InboxFilter filter, InboxViews useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.SaveAsync(Auth.Caller.From(http.User), name, filter, ct)));
        // Deleting a view that is not there is done already: 204 either way.
        group.MapDelete("/views/{name}", async (string name, InboxViews useCase, HttpContext http, CancellationToken ct) =>
        {
            await useCase.DeleteAsync(Auth.Caller.From(http.User), name, ct);
            return TypedResults.NoContent();
        });
    }

    internal static InboxFilter Filter(Query q) => new(q.Assignee, q.Status,
        q.Light is null ? null : Enum.TryParse<WarningLight>(q.Light, ignoreCase: false, out var light) && Enum.IsDefined(light) ? light
            : throw EngineException.Invalid($"light must be Red, Yellow or Green, not '{q.Light}'."),
        q.DueWithinDays, q.PolicyId, q.MeasureNo, q.Step, q.Q, q.All == true, q.InstanceId, q.CorrelationId,
        q.Sort is null ? InboxSort.DueFirst : Enum.TryParse<InboxSort>(q.Sort, ignoreCase: true, out var sort) && Enum.IsDefined(sort) ? sort
            : throw EngineException.Invalid($"sort must be one of {string.Join(", ", Enum.GetNames<InboxSort>())}, not '{q.Sort}'."),
        q.Skip ?? 0, q.Take ?? 50);

    internal sealed record InboxResponse(int Total, IReadOnlyList<TaskView> Items);
}
