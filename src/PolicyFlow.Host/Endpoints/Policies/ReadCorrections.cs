using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>The record of the corrections the policy office made before publishing a policy: who changed what, and when.</summary>
internal static class ReadCorrections
{
    internal sealed record CorrectionView(int Seq, CorrectionKind Kind, string Label, string Before, string After, string By, DateTimeOffset At,
        PolicyCorrection? Correction);

    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id}/corrections", async (string id, PolicyFlowDbContext db, CancellationToken ct) =>
    {
        if (!await db.Policies.AnyAsync(p => p.Id == id, ct))
        {
            throw EngineException.NotFound($"Policy '{id}' does not exist.");
        }
        var rows = await db.PolicyCorrections.AsNoTracking().Where(c => c.PolicyId == id).OrderBy(c => c.Seq).ToListAsync(ct);
        return TypedResults.Ok(rows.Select(c => new CorrectionView(c.Seq, c.Kind, c.Label, c.Before, c.After, c.By, c.At,
            CorrectionJson.Deserialize(c.CorrectionJson))).ToList());
    });
}
