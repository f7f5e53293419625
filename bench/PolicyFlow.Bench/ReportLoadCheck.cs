using Microsoft.EntityFrameworkCore;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// POLICYFLOW_BENCH_CHECK_LOAD=1 (a small load, e.g. --tasks 20000): the same data loaded again with the counters' row
/// triggers firing, into a second database; the bench stops unless both hold the same counter rows and give the same
/// county ranking — the fill-after-load is then the database the triggers would have made.
/// </summary>
internal static class ReportLoadCheck
{
    public static bool Asked => Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_CHECK_LOAD") == "1";

    public static async Task<string> RunAsync(string provider, ReportData data, DbFactory filled, Func<DbFactory, RankingReport> ranking, Caller caller)
    {
        await using var triggered = await BenchStorage.CreateAsync(provider);
        await ReportLoader.LoadAsync(triggered.Factory, data, rowTriggers: true);
        var (filledDays, triggeredDays) = (await CountersAsync(filled), await CountersAsync(triggered.Factory));
        if (filledDays.Count == 0 || !filledDays.SequenceEqual(triggeredDays))
        {
            throw new InvalidOperationException($"{provider}: the counters filled after the load ({filledDays.Count} rows) differ from the triggers' ({triggeredDays.Count} rows).");
        }
        var (filledTriggers, triggeredTriggers) = (await TriggersAsync(filled), await TriggersAsync(triggered.Factory));
        if (filledTriggers.Count == 0 || !filledTriggers.SequenceEqual(triggeredTriggers))
        {
            throw new InvalidOperationException($"{provider}: the triggers put back after the load differ from the migration's.");
        }
        var request = new RankingReport.Request("county", "quarter");
        var (a, b) = (await ranking(filled).HandleAsync(caller, request), await ranking(triggered.Factory).HandleAsync(caller, request));
        if (!a.Rows.SequenceEqual(b.Rows))
        {
            throw new InvalidOperationException($"{provider}: the county ranking after the fill differs from the one after the triggers.");
        }
        return $"{provider}: load check passed — {filledDays.Count:N0} counter rows, {filledTriggers.Count} triggers and the ranking of {a.Rows.Count} counties the same as with the row triggers firing";
    }

    /// <summary>Every trigger's definition (and, on PostgreSQL, its function's), as the database gives it back.</summary>
    private static async Task<List<string>> TriggersAsync(DbFactory factory)
    {
        await using var db = factory.Create();
        var sql = factory.Provider == StorageProvider.PostgreSql
            ? "SELECT pg_get_triggerdef(t.oid) || ' ' || pg_get_functiondef(t.tgfoid) AS \"Value\" FROM pg_trigger t WHERE NOT t.tgisinternal"
            : "SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'trigger'";
        return [.. (await db.Database.SqlQueryRaw<string>(sql).ToListAsync()).Order(StringComparer.Ordinal)];
    }

    private static async Task<List<string>> CountersAsync(DbFactory factory)
    {
        await using var db = factory.Create();
        var days = await db.ReportDays.AsNoTracking().OrderBy(d => d.Of).ThenBy(d => d.Day).ThenBy(d => d.Key).ToListAsync();
        return [.. days.Select(d => $"{d.Of} {d.Key} {d.Day}: {d.Done} {d.OnTime} {d.LateDone} {d.LateDoneAtMidnight} {d.Pending} {d.PendingAtMidnight} {d.Returns} {d.Extensions} {d.Urges}")];
    }
}
