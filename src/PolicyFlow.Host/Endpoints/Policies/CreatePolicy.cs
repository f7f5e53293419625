using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Application.Policies;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>
/// Publishes a confirmed document, with the policy office's corrections of the preview applied: one workflow definition
/// per measure, then the policy and the record of its corrections. Problems (no effective date, unmapped agencies, a
/// correction that cannot apply…) come back at once and nothing is stored.
/// </summary>
internal static class CreatePolicy
{
    /// <param name="TrackingStartOn">交办日期 for a policy imported after it took effect; default: the day it is launched.</param>
    internal sealed record Request(string Text, DateOnly? EffectiveOn, Dictionary<string, string>? Mappings, bool AcceptUnmapped,
        bool AllowIncomplete = false, IReadOnlyList<PolicyCorrection>? Corrections = null, DateOnly? TrackingStartOn = null);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/", async (Request request, PublishPolicy useCase, HttpContext http, CancellationToken ct) =>
    {
        var policy = await useCase.HandleAsync(Caller.From(http.User), new ImportRequest(request.Text ?? "", request.EffectiveOn, request.Mappings, request.AcceptUnmapped,
            request.AllowIncomplete, request.Corrections, request.TrackingStartOn), ct);
        return TypedResults.Created($"/api/policies/{policy.Id}", PolicyView.From(policy));
    });
}
