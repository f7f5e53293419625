using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application.Policies;

namespace PolicyFlow.Host.Endpoints.Policies;

internal static class ReadPolicies
{
    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/", async (ReadPolicy read, CancellationToken ct) =>
            (await read.ListAsync(ct)).Select(p => new { p.Id, p.Title, p.DocumentNumber, p.PublishedOn, p.EffectiveOn, measures = p.Measures }));
        group.MapGet("/{id}", async (string id, ReadPolicy read, CancellationToken ct) =>
            PolicyView.From((await read.DetailAsync(id, ct))?.Policy ?? throw EngineException.NotFound($"Policy '{id}' does not exist.")));
    }
}
