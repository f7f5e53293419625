using Microsoft.AspNetCore.Http.HttpResults;
using PolicyFlow.Host.Application.Notifications;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Notifications;

/// <summary><c>/api/notifications</c>: the caller's in-Studio copies of the notices emailed to them or their agency.</summary>
internal static class NotificationEndpoints
{
    internal sealed record ListQuery(bool? UnreadOnly, int? Skip, int? Take);

    public static void MapNotificationEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/notifications").WithTags("Notifications");
        group.MapGet("/", async ([AsParameters] ListQuery query, NotificationInbox useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User),
                new NotificationInbox.Request(query.UnreadOnly ?? false, query.Skip ?? 0, query.Take ?? 20), ct)));
        group.MapPost("/{id:long}/read", async Task<Ok<MarkedRead>> (long id, MarkNotificationRead useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await useCase.HandleAsync(Caller.From(http.User), id, ct) ? 1 : 0)));
        group.MapPost("/read-all", async Task<Ok<MarkedRead>> (MarkNotificationRead useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(new MarkedRead(await useCase.AllAsync(Caller.From(http.User), ct))));
    }

    /// <summary>How many notices this call marked read (0 when they were read already).</summary>
    internal sealed record MarkedRead(int Marked);
}
