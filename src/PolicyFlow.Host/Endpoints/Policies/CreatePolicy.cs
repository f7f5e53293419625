using PolicyFlow.Activities.Publishing;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>
/// Publishes a confirmed document: one workflow definition per measure, then the policy. Problems (no effective date,
/// unmapped agencies…) come back all at once and nothing is stored.
/// </summary>
internal static class CreatePolicy
{
    internal sealed record Request(string Text, DateOnly? EffectiveOn, Dictionary<string, string>? Mappings, bool AcceptUnmapped, bool AllowIncomplete = false);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/", async (Request request, PolicyPublisher publisher, HttpContext http, CancellationToken ct) =>
    {
        var policy = await publisher.PublishAsync(new ImportRequest(request.Text ?? "", request.EffectiveOn, request.Mappings, request.AcceptUnmapped,
            request.AllowIncomplete),
            Actor.Of(http.User), ct);
        return Results.Created($"/api/policies/{policy.Id}", PolicyView.From(policy));
    });
}
