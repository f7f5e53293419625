using System.Diagnostics;
using System.Globalization;

namespace PolicyFlow.Bench;

/// <summary>
/// M1: completing a seed measure's plan task, which launches its 101 child instances (11 measure-city, 90 measure-county) with
/// their tasks, timers and notices — against the ceiling of writing the same rows with plain ADO.NET in one transaction.
/// </summary>
internal static class CascadeBench
{
    public static async Task RunAsync(string[] providers, int cascades, string command)
    {
        var lines = new List<string>
        {
            $"Completing the plan task (制定实施方案) of seed measure {SeedMeasures.Definition}: the engine launches 11 `measure-city` and 90 `measure-county`",
            "instances with their tasks, timers and notices (and the co-agency step and the monthly report). One caller, one cascade at a time;",
            $"{cascades} measured cascades after one warm-up. The warm-up's writes are captured (every row inserted, updated, deleted, from a",
            "before/after snapshot of every workflow table) and are the ceiling's rows: the same tables, rows and values (fresh ids) written",
            $"with plain ADO.NET in one transaction, {cascades} times on the same database after the engine's run. Target: engine ≥ 25% of the ceiling.",
            "",
            "| provider | engine cascades/s | engine p50 (ms) | engine p99 (ms) | ceiling cascades/s | ceiling p50 (ms) | ceiling p99 (ms) | engine / ceiling | target ≥ 25% |",
            "|---|---|---|---|---|---|---|---|---|",
        };
        var details = new List<string>();
        foreach (var provider in providers)
        {
            var (row, detail) = await OneProviderAsync(provider, cascades);
            lines.Add(row);
            details.AddRange(detail);
        }
        lines.Add("");
        lines.AddRange(details);
        Results.Append("Seed measure cascade (issue 14 M1, issue 9)", command, lines);
    }

    private static async Task<(string Row, List<string> Detail)> OneProviderAsync(string provider, int cascades)
    {
        await using var seed = await SeedMeasures.StartAsync(provider);
        var factory = seed.Storage.Factory;
        var plans = await seed.PlanTasksAsync(cascades + 1);
        var tables = RowCapture.Tables(factory);

        var before = await RowCapture.TakeAsync(factory, tables);
        await seed.Engine.CompleteTaskAsync(plans[0], "Done", "jx-330000");
        var delta = RowCapture.Diff(tables, before, await RowCapture.TakeAsync(factory, tables));

        var countsBefore = await RowCapture.CountAsync(factory, tables);
        var engine = new List<double>();
        var counter = new CommandCounter();
        var total = Stopwatch.StartNew();
        foreach (var plan in plans.Skip(1))
        {
            var clock = Stopwatch.StartNew();
            await seed.Engine.CompleteTaskAsync(plan, "Done", "jx-330000");
            engine.Add(clock.Elapsed.TotalMilliseconds);
        }
        var engineRate = cascades / total.Elapsed.TotalSeconds;
        var wall = total.Elapsed.TotalMilliseconds / cascades;
        counter.Dispose();
        var (commands, saves, sql) = (counter.Commands / (double)cascades, counter.Saves / (double)cascades, counter.CommandTime.TotalMilliseconds / cascades);
        var saving = counter.SaveTime.TotalMilliseconds / cascades;
        var countsAfter = await RowCapture.CountAsync(factory, tables);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} engine: {engineRate:F2} cascades/s, p50 {Results.Percentile(engine.Order().ToList(), 50):F0} ms; per cascade {commands:F0} commands ({sql:F0} ms), {saves:F1} SaveChanges ({saving:F0} ms)"));

        var replay = new RowReplay(factory, delta);
        await replay.WriteOnceAsync();
        var ceiling = new List<double>();
        for (var i = 0; i < cascades; i++)
        {
            ceiling.Add((await replay.WriteOnceAsync()).TotalMilliseconds);
        }
        var ceilingRate = cascades / (ceiling.Sum() / 1000);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} ceiling: {ceilingRate:F2} cascades/s"));

        engine.Sort();
        ceiling.Sort();
        var ratio = engineRate / ceilingRate;
        var row = string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {engineRate:F2} | {Results.Percentile(engine, 50):F0} | {Results.Percentile(engine, 99):F0} | {ceilingRate:F2} | {Results.Percentile(ceiling, 50):F0} | {Results.Percentile(ceiling, 99):F0} | {ratio:P0} | {(ratio >= 0.25 ? "met" : "**no**")} |");

        var detail = new List<string>
        {
            string.Create(CultureInfo.InvariantCulture,
                $"{provider}: where a cascade's time goes (mean of the {cascades} measured): {wall:F0} ms, of which {sql:F0} ms executing {commands:F0} SQL commands (round trips) and {saving:F0} ms inside {saves:F1} SaveChanges (its commands included); the other {wall - saving:F0} ms (of which SQL outside SaveChanges is part) are the engine, the activities and EF Core's queries in this process."),
            "",
            $"{provider}: rows one cascade writes — counted (COUNT(*) after − before the {cascades} measured cascades, ÷ {cascades}) and captured (the warm-up's rows).",
            "",
            "| table | rows added per cascade (counted) | inserted (captured) | updated | deleted | mean bytes per inserted row |",
            "|---|---|---|---|---|---|",
        };
        foreach (var table in delta.Tables)
        {
            var inserted = delta.Inserted.Where(r => r.Table.Name == table).ToList();
            detail.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {table} | {(countsAfter[table] - countsBefore[table]) / (double)cascades:F1} | {inserted.Count} | {delta.Updated.Count(r => r.Table.Name == table)} | {delta.Deleted.Count(r => r.Table.Name == table)} | {(inserted.Count == 0 ? 0 : inserted.Average(RowCapture.Bytes)):F0} |"));
        }
        detail.Add(string.Create(CultureInfo.InvariantCulture,
            $"| all | {countsAfter.Sum(c => c.Value - countsBefore[c.Key]) / (double)cascades:F1} | {delta.Inserted.Count} | {delta.Updated.Count} | {delta.Deleted.Count} | {(delta.Inserted.Count == 0 ? 0 : delta.Inserted.Average(RowCapture.Bytes)):F0} |"));
        detail.Add("");
        return (row, detail);
    }
}
