using PolicyFlow.Activities.Deadlines;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Host.Application.Supervision;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// The supervision reports (issue 10's performance section, issue 14's M4) at provincial scale: each use case as the Studio and
/// the API call it, as leadership, on a bulk-loaded database; the matrix and light summary against their hand-written ceiling.
/// </summary>
internal static class ReportBench
{
    private static readonly string Typical = ReportData.PolicyId(1);
    private static readonly string Big = ReportData.PolicyId(0);

    private sealed record Figure(string Name, double? TargetMs, Func<Task<string>> Run);

    private sealed class FixedClock(DateTimeOffset now) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => now;
    }

    public static async Task RunAsync(string[] providers, int runs, int tasks, int exportRuns, string command)
    {
        var lines = new List<string>
        {
            $"{tasks:N0} tasks over {ReportData.Policies} policies × {ReportData.MeasuresPerPolicy} measures, every region and agency kind (policy {Big} holds 10% of them, each of the",
            $"other 19 about 4.7%); 30% open (due 60 days ago to 60 days ahead), 70% completed, 15% of those late; urges and approved extensions.",
            $"Loaded by raw ADO.NET (COPY / one prepared INSERT transaction), not measured. Each figure: one warm-up, then {runs} runs ({exportRuns} for the export),",
            "called in-process on the Host's use case as leadership (jx-330000, role Leadership), a fresh DbContext per call as the API does.",
            $"\"Typical policy\" = {Typical} (~4.7% of the tasks). Met = p95 within the target of issue 10. The machine has 2 cores shared with other sessions' work.",
            "",
        };
        foreach (var provider in providers)
        {
            lines.AddRange(await OneProviderAsync(provider, runs, tasks, exportRuns));
        }
        Results.Append("Supervision reports (issue 10, issue 14 M4)", command, lines);
    }

    private static async Task<List<string>> OneProviderAsync(string provider, int runs, int tasks, int exportRuns)
    {
        var now = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.ToUnixTimeMilliseconds());
        var regions = RegionDirectory.LoadEmbedded();
        var catalog = AgencyCatalog.Build(regions);
        var data = new ReportData(regions, catalog, now, tasks);
        await using var storage = await BenchStorage.CreateAsync(provider);
        var factory = storage.Factory;
        var loading = Stopwatch.StartNew();
        // POLICYFLOW_BENCH_REUSE: a SQLite copy kept by POLICYFLOW_BENCH_KEEP stands in for the load (for profiling runs only:
        // its data was generated at another "now", so the figures are not comparable with a fresh run's).
        if (Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_REUSE") is { } reuse && factory.Provider == StorageProvider.Sqlite)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            File.Copy(reuse, new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(factory.ConnectionString).DataSource, overwrite: true);
        }
        else
        {
            await ReportLoader.LoadAsync(factory, data);
        }
        var loadSeconds = loading.Elapsed.TotalSeconds;
        // The loader's connection and its page cache are set-up, not the host's: close them before memory is measured.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        NpgsqlConnection.ClearAllPools();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: {tasks:N0} tasks loaded in {loadSeconds:F0} s"));
        var settings = await SettingsAsync(factory);
        SqlTrace.StartIfAsked();
        if (Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_KEEP") is { } keep)
        {
            await KeepAsync(factory, keep);
        }

        var clock = new FixedClock(now);
        var calendar = WorkingCalendar.LoadEmbedded();
        var caller = new Caller("bench-leader", new HashSet<string>(StringComparer.Ordinal) { Roles.Leadership }, "jx-330000");
        if (ReportLoadCheck.Asked)
        {
            Console.WriteLine(await ReportLoadCheck.RunAsync(provider, data, factory, f => new RankingReport(f, catalog, regions, calendar, clock), caller));
        }
        var rule = new WarningLightRule();
        var matrix = new MatrixReport(factory, catalog, regions, clock, rule);
        var light = new LightSummary(factory, catalog, regions, clock, rule);
        var overdue = new OverdueList(factory, catalog, regions, clock, rule);
        var ranking = new RankingReport(factory, catalog, regions, calendar, clock);
        var trend = new TrendReport(factory, catalog, regions, clock);
        var ledger = new LedgerExport(factory, catalog, regions, clock, matrix, ranking, rule);
        var lights = Lights.At(now, rule);

        GC.Collect();
        var rssBefore = Rss();
        var loadBefore = Results.LoadAverage();
        var figures = new Figure[]
        {
            new("Light summary by measure, typical policy", 100, async () =>
                $"{(await light.HandleAsync(caller, new LightSummary.Request("measure", Typical))).Count} rows"),
            new("Matrix, typical policy", 100, async () => Describe(await matrix.HandleAsync(caller, new MatrixReport.Request(Typical)))),
            new("Matrix drill-down to city 330100", 100, async () => Describe(await matrix.HandleAsync(caller, new MatrixReport.Request(Typical, City: "330100")))),
            new("Overdue list, first page of 50, unfiltered", 50, async () =>
                $"{(await overdue.HandleAsync(caller, new OverdueList.Request())).Total:N0} overdue"),
            new("Overdue list, first page of 50, typical policy", 50, async () =>
                $"{(await overdue.HandleAsync(caller, new OverdueList.Request(PolicyId: Typical))).Total:N0} overdue"),
            new("Ranking of counties, this quarter", 200, async () =>
                $"{(await ranking.HandleAsync(caller, new RankingReport.Request("county", "quarter"))).Rows.Count} counties"),
            new("Trend, 6 months, typical policy", null, async () =>
                $"{(await trend.HandleAsync(caller, new TrendReport.Request(Typical))).Points.Count} months"),
        };
        var measured = new List<(Figure Figure, List<double> Times, List<double> Cpu, string Result)>();
        foreach (var figure in figures)
        {
            var (times, cpu, result) = await TimeAsync(figure.Run, runs);
            measured.Add((figure, times, cpu, result));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} {figure.Name}: median {Results.Median(times):F1} ms, p95 {P95(times):F1} ms ({result})"));
        }

        await SqlTrace.ExplainAsync(factory);

        // The ceiling: the same GROUP BYs by hand, checked to return the same cells before they are timed.
        var engineMatrix = ReportCeiling.Lines(await matrix.HandleAsync(caller, new MatrixReport.Request(Typical)));
        var ceilingMatrix = await ReportCeiling.MatrixAsync(factory, Typical, lights);
        var engineLights = ReportCeiling.Lines(await light.HandleAsync(caller, new LightSummary.Request("measure", Typical)));
        var ceilingLights = await ReportCeiling.LightsAsync(factory, Typical, lights);
        var (matrixCeiling, _, _) = await TimeAsync(async () => $"{(await ReportCeiling.MatrixAsync(factory, Typical, lights)).Count}", runs);
        var (lightCeiling, _, _) = await TimeAsync(async () => $"{(await ReportCeiling.LightsAsync(factory, Typical, lights)).Count}", runs);

        // The ledger: every task of the big policy, streamed to an .xlsx; memory sampled while it is written.
        await using (var db = factory.Create())
        {
            var ledgerRows = await db.TaskFacts.CountAsync(f => f.PolicyId == Big);
            var export = new List<double>();
            var exportCpu = new List<double>();
            long managedGrowth = 0, rssGrowth = 0, rssPeakGrowth = 0, size = 0;
            for (var run = 0; run <= exportRuns; run++)
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                var managed0 = GC.GetTotalMemory(true);
                var rss0 = Rss();
                using var sampling = new CancellationTokenSource();
                var peak = Task.Run(async () =>
                {
                    var max = rss0;
                    while (!sampling.IsCancellationRequested)
                    {
                        max = Math.Max(max, Rss());
                        await Task.Delay(20, CancellationToken.None);
                    }
                    return max;
                });
                var cpu0 = Cpu();
                var watch = Stopwatch.StartNew();
                var file = await ledger.HandleAsync(caller, new LedgerExport.Request(PolicyId: Big));
                await using (var content = file.Content)
                {
                    size = content.Length;
                    await content.CopyToAsync(Stream.Null);
                }
                var elapsed = watch.Elapsed.TotalMilliseconds;
                var elapsedCpu = Cpu() - cpu0;
                await sampling.CancelAsync();
                var rssPeak = await peak;
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{provider} export run {run}: {elapsed:F0} ms, {size / 1048576.0:F1} MB file, managed +{(GC.GetTotalMemory(false) - managed0) / 1048576.0:F0} MB, RSS +{(Rss() - rss0) / 1048576.0:F0} MB (peak +{(rssPeak - rss0) / 1048576.0:F0} MB)"));
                if (run > 0)
                {
                    export.Add(elapsed);
                    exportCpu.Add(elapsedCpu);
                    managedGrowth = Math.Max(managedGrowth, GC.GetTotalMemory(false) - managed0);
                    rssGrowth = Math.Max(rssGrowth, Rss() - rss0);
                    rssPeakGrowth = Math.Max(rssPeakGrowth, rssPeak - rss0);
                }
            }
            measured.Add((new Figure($"Ledger export (.xlsx) of policy {Big}, {ledgerRows:N0} task rows", 10_000, () => Task.FromResult("")), export, exportCpu,
                string.Create(CultureInfo.InvariantCulture, $"{size / 1048576.0:F1} MB file")));
            var rssAfter = Rss();
            var table = new List<string>
            {
                $"### {provider}",
                "",
                $"- settings: {settings}",
                string.Create(CultureInfo.InvariantCulture, $"- load: {loadSeconds:F0} s (not measured); machine load average (1, 5, 15 min) {loadBefore} before the report runs, {Results.LoadAverage()} after"),
                "",
                "| figure | result | median (ms) | p95 (ms) | target (ms) | met? | bench-process CPU (ms, median) |",
                "|---|---|---|---|---|---|---|",
            };
            table.AddRange(measured.Select(m => string.Create(CultureInfo.InvariantCulture,
                $"| {m.Figure.Name} | {m.Result} | {Results.Median(m.Times):F1} | {P95(m.Times):F1} | {(m.Figure.TargetMs is { } t ? $"≤ {t:N0}" : "—")} | {(m.Figure.TargetMs is { } target ? P95(m.Times) <= target ? "yes" : "**no**" : "—")} | {Results.Median(m.Cpu):F0} |")));
            table.Add("");
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"Export memory (worst of {exportRuns} runs): managed heap +{managedGrowth / 1048576.0:F0} MB, RSS +{rssGrowth / 1048576.0:F0} MB after, RSS peak +{rssPeakGrowth / 1048576.0:F0} MB during (target < 100 MB): {(Math.Max(managedGrowth, rssPeakGrowth) < 100 * 1048576L ? "met" : "**not met**")}."));
            table.Add(string.Create(CultureInfo.InvariantCulture,
                $"Process RSS before the report runs {rssBefore / 1048576.0:F0} MB; after all report runs {rssAfter / 1048576.0:F0} MB (target ≤ 400 MB): {(rssAfter <= 400 * 1048576L ? "met" : "**not met**")}; managed heap {GC.GetTotalMemory(false) / 1048576.0:F0} MB."));
            table.Add("");
            table.Add("| ceiling (same GROUP BY by hand over ADO.NET) | use case median (ms) | ceiling median (ms) | use case ÷ ceiling | use case at % of ceiling | same result |");
            table.Add("|---|---|---|---|---|---|");
            table.Add(CeilingLine("Matrix, typical policy", measured[1].Times, matrixCeiling, engineMatrix.SetEquals(ceilingMatrix), engineMatrix.Count));
            table.Add(CeilingLine("Light summary by measure, typical policy", measured[0].Times, lightCeiling, engineLights.SetEquals(ceilingLights), engineLights.Count));
            table.Add("");
            return table;
        }
    }

    /// <summary>
    /// A copy of the loaded database for profiling: a SQLite file at <paramref name="keep"/>, or on PostgreSQL a database of
    /// that name on the same server (made from the loaded one as a template, so while no connection to it is open).
    /// </summary>
    private static async Task KeepAsync(DbFactory factory, string keep)
    {
        if (factory.Provider == StorageProvider.Sqlite)
        {
            await using var db = factory.Create();
            await db.Database.ExecuteSqlRawAsync("VACUUM INTO {0}", keep);
            return;
        }
        var loaded = new NpgsqlConnectionStringBuilder(factory.ConnectionString);
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(factory.ConnectionString) { Database = "postgres", Pooling = false }.ConnectionString);
        await connection.OpenAsync();
        await using var copy = new NpgsqlCommand($"CREATE DATABASE \"{keep}\" TEMPLATE \"{loaded.Database}\"", connection) { CommandTimeout = 30 * 60 };
        await copy.ExecuteNonQueryAsync();
    }

    private static string CeilingLine(string name, List<double> engine, List<double> ceiling, bool same, int cells) =>
        string.Create(CultureInfo.InvariantCulture,
            $"| {name} | {Results.Median(engine):F1} | {Results.Median(ceiling):F1} | {Results.Median(engine) / Results.Median(ceiling):F2}× | {100 * Results.Median(ceiling) / Results.Median(engine):F0}% | {(same ? $"yes ({cells} cells)" : "**no**")} |");

    private static string Describe(Matrix m) => $"{m.Rows.Count} × {m.Columns.Count}";

    /// <summary>Wall time per call, and this process's CPU time per call: on SQLite that is the query's own work, whatever else the machine runs.</summary>
    private static async Task<(List<double> Times, List<double> Cpu, string Result)> TimeAsync(Func<Task<string>> run, int runs)
    {
        var result = await run();
        var times = new List<double>(runs);
        var cpu = new List<double>(runs);
        for (var i = 0; i < runs; i++)
        {
            var cpu0 = Cpu();
            var watch = Stopwatch.StartNew();
            result = await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
            cpu.Add(Cpu() - cpu0);
        }
        return (times, cpu, result);
    }

    private static double Cpu()
    {
        using var process = Process.GetCurrentProcess();
        return process.TotalProcessorTime.TotalMilliseconds;
    }

    private static double P95(List<double> times) => Results.Percentile([.. times.Order()], 95);

    private static long Rss()
    {
        using var process = Process.GetCurrentProcess();
        return process.WorkingSet64;
    }

    private static async Task<string> SettingsAsync(DbFactory factory)
    {
        if (factory.Provider == StorageProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(factory.ConnectionString);
            await connection.OpenAsync();
            var values = new List<string>();
            foreach (var name in new[] { "server_version", "fsync", "synchronous_commit", "full_page_writes", "shared_buffers", "work_mem" })
            {
                await using var show = new NpgsqlCommand($"SHOW {name}", connection);
                values.Add($"{name}={await show.ExecuteScalarAsync()}");
            }
            return "PostgreSQL " + string.Join(", ", values) + "; VACUUM (ANALYZE) after the load";
        }
        await using var db = factory.Create();
        var connectionS = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync();
        await using var pragma = connectionS.CreateCommand();
        pragma.CommandText = "PRAGMA journal_mode";
        var journal = await pragma.ExecuteScalarAsync();
        pragma.CommandText = "PRAGMA synchronous";
        var synchronous = await pragma.ExecuteScalarAsync();
        pragma.CommandText = "SELECT sqlite_version()";
        var version = await pragma.ExecuteScalarAsync();
        return $"SQLite {version} file, journal_mode={journal}, synchronous={synchronous} (1 = NORMAL), the host's DbFactory and pragmas (busy_timeout 30 s, foreign_keys on); no ANALYZE (the host runs none)";
    }
}
