using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Host.Auth;
using UseCase = PolicyFlow.Host.Application.Policies.PreviewPolicy;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>
/// POST the document with the policy office's corrections → the preview as it will be published, what each correction
/// changed, and whether a tracking start (交办日期) is asked for. Stores nothing; a correction that cannot apply is a 400
/// naming it.
/// </summary>
internal static class PreviewCorrected
{
    internal sealed record Request(string Text, bool AllowIncomplete = false, IReadOnlyList<PolicyCorrection>? Corrections = null);

    /// <param name="TrackingStartNeeded">The policy already took effect: publishing or launching asks for the tracking start.</param>
    /// <param name="TrackingStartDefault">The tracking start used when none is given: today, the launch day.</param>
    internal sealed record Response(PolicyPreview Preview, IReadOnlyList<CorrectionChange> Changes, bool TrackingStartNeeded, DateOnly? TrackingStartDefault);

    public static void Map(RouteGroupBuilder group) => group.MapPost("/preview/corrected",
        async (Request request, UseCase useCase, HttpContext http, TimeProvider clock, CancellationToken ct) =>
        {
            var corrected = await useCase.CorrectedAsync(Caller.From(http.User), request.Text ?? "", request.AllowIncomplete, request.Corrections, ct);
            var now = clock.GetUtcNow();
            var needed = TrackingStart.Needed(corrected.Preview.EffectiveOn, now);
            return TypedResults.Ok(new Response(corrected.Preview, corrected.Changes, needed, needed ? TrackingStart.Default(now) : null));
        });
}
