using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Application.Outbox;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Outbox;

/// <summary>Messages filtered by status and recipient (any part of the address), newest first.</summary>
internal static class ListOutbox
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (OutboxStatus? status, string? to, int? skip, int? take,
        OutboxList useCase, HttpContext http, CancellationToken ct) =>
    {
        var page = await useCase.HandleAsync(Caller.From(http.User), new OutboxList.Request(status, to, skip ?? 0, take ?? 50), ct);
        return new { total = page.Total, items = page.Items };
    });
}
