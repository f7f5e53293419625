using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// 趋势: month by month, the tasks open and overdue at each month's end (or now, for the current month), and the tasks
/// created and completed in the month — for everything in scope, one policy or one measure. The three instants of each
/// task are streamed once and counted into the months; nothing is held per task.
/// </summary>
internal sealed class TrendReport(DbFactory dbFactory, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock)
{
    public const int MaxMonths = 36;

    internal sealed record Request(string? PolicyId = null, int? MeasureNo = null, int Months = 6);

    public async Task<Trend> HandleAsync(Caller caller, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var scope = ReportScope.For(caller, catalog, regions);
        if (request.Months is < 1 or > MaxMonths)
        {
            throw EngineException.Invalid($"months is 1–{MaxMonths}.");
        }
        var now = clock.GetUtcNow();
        var today = ChinaTime.DateOf(now);
        var firstMonth = new DateOnly(today.Year, today.Month, 1).AddMonths(1 - request.Months);
        var months = Enumerable.Range(0, request.Months).Select(i => firstMonth.AddMonths(i)).ToList();
        var starts = months.Select(ChinaTime.StartOfDay).ToArray();
        var ends = months.Select(m => ChinaTime.StartOfDay(m.AddMonths(1))).Select(e => e < now ? e : now).ToArray();

        var open = new int[months.Count];
        var overdue = new int[months.Count];
        var created = new int[months.Count];
        var completed = new int[months.Count];
        await using var db = dbFactory.Create();
        var rows = scope.Apply(ReportRows.All(db), db);
        rows = request.PolicyId is null ? rows : rows.Where(r => r.PolicyId == request.PolicyId);
        rows = request.MeasureNo is null ? rows : rows.Where(r => r.MeasureNo == request.MeasureNo);
        var first = starts[0];
        var instants = rows.Where(r => r.CompletedAt == null || r.CompletedAt >= first)
            .Select(r => new { r.CreatedAt, r.DueAt, r.CompletedAt }).AsAsyncEnumerable();
        await foreach (var t in instants.WithCancellation(cancellationToken))
        {
            for (var i = 0; i < months.Count; i++)
            {
                var end = ends[i];
                if (t.CreatedAt < end && (t.CompletedAt is null || t.CompletedAt >= end))
                {
                    open[i]++;
                    overdue[i] += t.DueAt is { } due && due <= end ? 1 : 0;
                }
                created[i] += t.CreatedAt >= starts[i] && t.CreatedAt < end ? 1 : 0;
                completed[i] += t.CompletedAt is { } done && done >= starts[i] && done < end ? 1 : 0;
            }
        }
        var points = months.Select((m, i) => new TrendPoint($"{m:yyyy-MM}", open[i], overdue[i], created[i], completed[i])).ToList();
        return new Trend(request.PolicyId, request.MeasureNo, now, points);
    }
}

public sealed record Trend(string? PolicyId, int? MeasureNo, DateTimeOffset AsOf, IReadOnlyList<TrendPoint> Points);

/// <summary>One month: tasks open and overdue at its end (or now), and tasks created and completed in it.</summary>
public sealed record TrendPoint(string Month, int Open, int Overdue, int Created, int Completed);
