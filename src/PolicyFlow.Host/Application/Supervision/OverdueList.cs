using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Tracking;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 逾期清单: the open tasks that are overdue (red) — or, asked for, due soon (yellow) — filtered by policy, measure,
/// agency kind, region, step and days overdue; most overdue first; one page at a time, counted in the database.
/// </summary>
public sealed class OverdueList(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock, WarningLightRule rule)
{
    public const int MaxPageSize = 200;

    /// <summary>The most overdue tasks counted exactly; <see cref="OverduePage.TotalCapped"/> says there are more.</summary>
    public const int CountCap = 10_000;

    public sealed record Request(string? PolicyId = null, int? MeasureNo = null, string? Kind = null, string? Region = null, string? Step = null,
        string? Light = null, int? MinDaysOverdue = null, int Page = 1, int PageSize = 50);

    internal async Task<OverduePage> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        if (request.Page < 1 || request.PageSize is < 1 or > MaxPageSize)
        {
            throw EngineException.Invalid($"page starts at 1 and pageSize is 1–{MaxPageSize}.");
        }
        await using var db = dbFactory.Create();
        var lights = Lights.At(clock.GetUtcNow(), rule);
        var query = Filter(scope.Apply(ReportRows.All(db), db), request, lights);
        // Counted up to a cap: past it the page says "10,000+" — counting 150,000 overdue tasks exactly costs more than the
        // page itself, and the light summaries give the exact red counts per measure, agency and city.
        var counted = await query.Take(CountCap + 1).CountAsync(cancellationToken);
        // The page is cut from the facts' open-task index in due order; only its rows are joined to the tasks for their text.
        var page = await query.OrderBy(r => r.DueAt).ThenBy(r => r.TaskId)
            .Skip((request.Page - 1) * request.PageSize).Take(request.PageSize)
            .Join(db.Tasks, r => r.TaskId, t => t.Id, (r, t) => new
            {
                r.TaskId, t.Title, r.Assignee, r.DueAt, r.Status, t.ProgressNote, t.ProgressPercent,
                r.PolicyId, r.MeasureNo, r.MeasureTitle, r.Step, r.RegionCode, r.UrgeCount,
            })
            .ToListAsync(cancellationToken);
        var items = page.OrderBy(t => t.DueAt).ThenBy(t => t.TaskId).Select(t => new OverdueRow(t.TaskId, t.Title, t.PolicyId, t.MeasureNo, t.MeasureTitle, t.Step, t.Assignee,
            catalog.Find(t.Assignee)?.Name ?? t.Assignee, t.RegionCode, regions.Find(t.RegionCode)?.Name ?? t.RegionCode,
            DueDay.Of(t.DueAt!.Value), lights.DaysOverdue(t.DueAt.Value), t.Status == WorkTaskStatus.Claimed, t.UrgeCount,
            t.ProgressNote, t.ProgressPercent)).ToList();
        return new OverduePage(Math.Min(counted, CountCap), request.Page, request.PageSize, lights.Now, items, counted > CountCap);
    }

    /// <summary>The same filter for the page, the bulk urge and the ledger export, so what is urged or exported is what was shown.</summary>
    internal static IQueryable<TaskFacts> Filter(IQueryable<TaskFacts> rows, Request request, Lights lights)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(request);
        var now = lights.Now;
        var until = lights.YellowUntil;
        var query = rows.Open().Where(r => r.DueAt != null);
        query = (request.Light ?? nameof(WarningLight.Red)) switch
        {
            nameof(WarningLight.Red) => query.Where(r => r.DueAt <= now),
            nameof(WarningLight.Yellow) => query.Where(r => r.DueAt > now && r.DueAt <= until),
            "RedYellow" => query.Where(r => r.DueAt <= until),
            _ => throw EngineException.Invalid($"light must be Red, Yellow or RedYellow, not '{request.Light}'."),
        };
        if (request.MinDaysOverdue is { } days)
        {
            // Day 1 starts at the due instant: N days overdue means due at least N−1 whole days ago.
            var dueBefore = now.AddDays(-(Math.Max(1, days) - 1));
            query = query.Where(r => r.DueAt <= dueBefore);
        }
        return Where(query, request.PolicyId, request.MeasureNo, request.Kind, request.Region, request.Step);
    }

    /// <summary>The facts filters every list and export offers; a region matches its own tasks and, for a city, its counties'.</summary>
    internal static IQueryable<TaskFacts> Where(IQueryable<TaskFacts> rows, string? policyId, int? measureNo, string? kind, string? region, string? step)
    {
        ArgumentNullException.ThrowIfNull(rows);
        rows = policyId is null ? rows : rows.Where(r => r.PolicyId == policyId);
        rows = measureNo is null ? rows : rows.Where(r => r.MeasureNo == measureNo);
        rows = kind is null ? rows : rows.Where(r => r.AgencyKind == kind);
        rows = step is null ? rows : rows.Where(r => r.Step == step);
        return region is null ? rows : rows.Where(r => r.RegionCode == region || r.CityCode == region);
    }
}

/// <summary>A page of the overdue list; <see cref="Total"/> is exact unless <see cref="TotalCapped"/>, when there are more than it.</summary>
public sealed record OverduePage(int Total, int Page, int PageSize, DateTimeOffset AsOf, IReadOnlyList<OverdueRow> Items, bool TotalCapped = false);

public sealed record OverdueRow(Guid TaskId, string Title, string? PolicyId, int? MeasureNo, string? MeasureTitle, string Step, string Assignee,
    string AgencyName, string RegionCode, string RegionName, DateOnly DueDay, int DaysOverdue, bool Signed, int UrgeCount, string? LastProgress,
    int? LastProgressPercent);
