using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Host.Endpoints.Reports;

/// <summary>
/// Leadership's view (<c>/api/reports</c>): warning lights of open tasks grouped by measure, agency or city, and the
/// overdue list — the same <see cref="WarningLights"/> rule as the inbox and the Studio.
/// </summary>
internal static class ReportEndpoints
{
    internal sealed record LightRow(string Key, string Name, int Red, int Yellow, int Green, int Open);

    public static void MapReportEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/reports").WithTags("Reports");
        group.MapGet("/warning-lights", async (string? by, string? policyId, PolicyFlowDbContext db, AgencyCatalog catalog, RegionDirectory regions,
            TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            var tasks = await OpenTasksAsync(db, policyId, ct);
            Func<(WorkTask Task, JsonObject Data), (string Key, string Name)> key = (by ?? "measure") switch
            {
                "measure" => t => ($"{t.Data["policyId"]}/{t.Data["measureNo"]}", $"（{t.Data["measureNo"]}）{t.Data["measureTitle"]}"),
                "agency" => t => (t.Task.Assignee, catalog.Find(t.Task.Assignee)?.Name ?? t.Task.Assignee),
                "region" => t => CityOf(regions, t.Data["regionCode"]?.GetValue<string>()),
                _ => throw EngineException.Invalid($"by must be measure, agency or region, not '{by}'."),
            };
            return tasks.GroupBy(key).Select(g =>
            {
                var lights = g.Select(t => WarningLights.Compute(t.Task.DueAt, now)).ToList();
                return new LightRow(g.Key.Key, g.Key.Name, lights.Count(l => l == WarningLight.Red), lights.Count(l => l == WarningLight.Yellow),
                    lights.Count(l => l == WarningLight.Green), lights.Count);
            }).OrderByDescending(r => r.Red).ThenByDescending(r => r.Yellow).ThenBy(r => r.Key, StringComparer.Ordinal);
        });
        group.MapGet("/overdue", async (string? policyId, PolicyFlowDbContext db, AgencyCatalog catalog, TimeProvider clock, CancellationToken ct) =>
        {
            var now = clock.GetUtcNow();
            return (await OpenTasksAsync(db, policyId, ct)).Where(t => t.Task.DueAt <= now).OrderBy(t => t.Task.DueAt).Select(t => new
            {
                t.Task.Id, t.Task.Title, t.Task.Assignee, agencyName = catalog.Find(t.Task.Assignee)?.Name, t.Task.DueAt,
                daysOverdue = (int)Math.Floor((now - t.Task.DueAt!.Value).TotalDays) + 1,
                measureNo = t.Data["measureNo"]?.GetValue<int>(), policyId = t.Data["policyId"]?.GetValue<string>(),
            });
        });
    }

    private static async Task<List<(WorkTask Task, JsonObject Data)>> OpenTasksAsync(PolicyFlowDbContext db, string? policyId, CancellationToken ct)
    {
        var open = await db.Tasks.AsNoTracking()
            .Where(t => t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed)
            .Where(t => policyId == null || (t.CorrelationId != null && t.CorrelationId.StartsWith(policyId + "/")))
            .ToListAsync(ct);
        return open.Select(t => (t, JsonNode.Parse(t.DataJson) as JsonObject ?? [])).ToList();
    }

    /// <summary>A county's tasks count for its city; provincial tasks stand as the province.</summary>
    private static (string Key, string Name) CityOf(RegionDirectory regions, string? code)
    {
        var region = code is null ? null : regions.CityOf(code) ?? regions.Find(code);
        return region is null ? ("unknown", "未知 Unknown") : (region.Code, region.Name);
    }
}
