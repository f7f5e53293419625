using PolicyFlow.Activities.Deadlines;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>红黄绿灯: the open tasks in scope counted by light, per measure, per assignee agency or per city — one GROUP BY.</summary>
internal sealed class LightSummary(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock, WarningLightRule rule)
{
    internal sealed record Request(string? By = null, string? PolicyId = null);

    public async Task<IReadOnlyList<LightRow>> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        await using var db = dbFactory.Create();
        var rows = scope.Apply(ReportRows.All(db), db).Open();
        rows = request.PolicyId is null ? rows : rows.Where(r => r.PolicyId == request.PolicyId);
        var lights = Lights.At(clock.GetUtcNow(), rule);
        var titles = request.By is null or "measure"
            ? await db.Measures.AsNoTracking().Where(m => request.PolicyId == null || m.PolicyId == request.PolicyId)
                .ToDictionaryAsync(m => (m.PolicyId, m.Number), m => m.Title, cancellationToken)
            : [];
        string? Title(string? policyId, int? number) => policyId is null || number is null ? null : titles.GetValueOrDefault((policyId, number.Value));
        IEnumerable<(string Key, string Name, GroupCounts<bool> Counts)> lines = (request.By ?? "measure") switch
        {
            // Grouped by number only, so the open-task index covers the query; the titles come from the measures.
            "measure" => (await rows.CountByAsync(r => new { r.PolicyId, r.MeasureNo }, lights, cancellationToken))
                .Select(g => ($"{g.Key.PolicyId}/{g.Key.MeasureNo}", $"（{g.Key.MeasureNo}）{Title(g.Key.PolicyId, g.Key.MeasureNo)}", g.WithoutKey())),
            "agency" => (await rows.CountByAsync(r => r.Assignee, lights, cancellationToken))
                .Select(g => (g.Key, catalog.Find(g.Key)?.Name ?? g.Key, g.WithoutKey())),
            "region" => (await rows.CountByAsync(r => r.CityCode ?? r.RegionCode, lights, cancellationToken))
                .Select(g => (g.Key, regions.Find(g.Key)?.Name ?? g.Key, g.WithoutKey())),
            _ => throw EngineException.Invalid($"by must be measure, agency or region, not '{request.By}'."),
        };
        return [.. lines.Select(l => new LightRow(l.Key, l.Name, l.Counts.Red, l.Counts.Yellow, l.Counts.Open - l.Counts.Red - l.Counts.Yellow, l.Counts.Open))
            .OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).ThenBy(r => r.Key, StringComparer.Ordinal)];
    }

}

/// <summary>Open tasks of one measure, agency or city by light.</summary>
internal sealed record LightRow(string Key, string Name, int Red, int Yellow, int Green, int Open);
