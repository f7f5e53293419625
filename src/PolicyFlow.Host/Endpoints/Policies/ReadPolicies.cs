using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.Policies;

internal static class ReadPolicies
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (PolicyFlowDbContext db, CancellationToken ct) =>
            await db.Policies.AsNoTracking().OrderByDescending(p => p.ImportedAt)
                .Select(p => new { p.Id, p.Title, p.DocumentNumber, p.PublishedOn, p.EffectiveOn, measures = p.Measures.Count })
                .ToListAsync(ct));
        group.MapGet("/{id}", async (string id, PolicyFlowDbContext db, CancellationToken ct) =>
            PolicyView.From(await db.Policies.AsNoTracking().Include(p => p.Measures).Include(p => p.Corrections).FirstOrDefaultAsync(p => p.Id == id, ct)
                ?? throw EngineException.NotFound($"Policy '{id}' does not exist.")));
    }
}
