using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// M2: the city and county tasks of cascaded seed measures, then their reviews, completed by concurrent callers through the
/// API's use case (<see cref="CompleteTask"/>: access check, engine completion, audit), so every city's join and each measure's
/// 101-way cascade join complete. The ceiling is the same completion's rows written with plain ADO.NET in one transaction.
/// </summary>
internal static class CompletionBench
{
    /// <summary>Measures cascaded and completed before the measured ones (see the warm-up in <see cref="OneRunAsync"/>).</summary>
    private const int WarmUpMeasures = 3;

    public static async Task RunAsync(string[] providers, int measures, int[] concurrencies, string command)
    {
        var lines = new List<string>
        {
            $"{measures} seed measures ({SeedMeasures.Definition}) cascaded first (not measured); then their {measures * 101} city and county tasks, in random order,",
            "completed through the use case the API calls (`CompleteTask`: the caller's access, the engine's completion, the audit line) as the",
            $"assignee agency (role AgencyStaff), and after them the {measures * 101} reviews those create, accepted by the reviewer agency. Each county",
            "review accepted ends a county instance and resumes its city's cascade wait; the last one of a city, with the city review, ends the city",
            "instance and resumes the measure's 101-way cascade wait. Both waves are measured together. Round trips = SQL commands EF Core sent,",
            "per completion; retries = transactions begun and not committed (a conflict the engine retried from a fresh read), per completion.",
            "Ceiling: the rows of one county review accepted (captured before/after, one caller) written with plain ADO.NET in one",
            "transaction, the same number of times by the same number of callers (its updates all hit that one completion's rows, so its callers",
            "queue on those row locks as the engine's do only within one city: a low ceiling). Targets: ≥ 1,000 completions/s, p99 ≤ 50 ms.",
            $"Warm-up, not measured: before all this, {WarmUpMeasures} more measures are cascaded and their {WarmUpMeasures * 202} tasks and reviews completed the same way, so the",
            "figures are those of a host that has been running, not of its first seconds, when the runtime is still compiling the hot code again.",
            "",
            "| provider | callers | engine completions/s | p50 (ms) | p99 (ms) | round trips / completion | commits / completion | retries / completion | ceiling completions/s | ceiling p99 (ms) | engine / ceiling | target met? |",
            "|---|---|---|---|---|---|---|---|---|---|---|---|",
        };
        var rows = new List<string>();
        foreach (var provider in providers)
        {
            foreach (var callers in concurrencies)
            {
                var (line, captured) = await OneRunAsync(provider, measures, callers);
                lines.Add(line);
                rows.Add(captured);
            }
        }
        lines.Add("");
        lines.AddRange(rows.Distinct(StringComparer.Ordinal));
        Results.Append("Task completions (issue 14 M2)", command, lines);
    }

    private static async Task<(string Line, string Captured)> OneRunAsync(string provider, int measures, int callers)
    {
        await using var seed = await SeedMeasures.StartAsync(provider);
        var factory = seed.Storage.Factory;
        var accounts = new AccountsDb(factory);
        await accounts.MigrateAsync();
        var regions = seed.Services.GetRequiredService<RegionDirectory>();
        var gate = new TaskGate(factory, seed.Services.GetRequiredService<AgencyCatalog>(), regions,
            new UseCaseAudit(accounts, seed.Clock, new HttpContextAccessor(), NullLogger<UseCaseAudit>.Instance));
        var useCase = new CompleteTask(gate, seed.Engine);

        // Warm-up, not measured: WarmUpMeasures measures cascaded and all their tasks and reviews completed the same way, so what is measured
        // is a host that has been running (the runtime compiles hot code again, optimised, after its first calls; measured from a
        // cold start, that recompilation took a third of the time on two cores).
        await CascadeAsync(seed, WarmUpMeasures);
        await CompleteAllAsync(useCase, await OpenTasksAsync(factory, "county", "city"), "Done", callers, []);
        await CompleteAllAsync(useCase, await OpenTasksAsync(factory, "review"), "Accept", callers, []);

        await CascadeAsync(seed, measures);
        var work = await OpenTasksAsync(factory, "county", "city");
        if (work.Count != measures * 101)
        {
            throw new InvalidOperationException($"{work.Count} city and county tasks for {measures} measures: the set-up is invalid.");
        }

        // One county's task done and its review accepted on their own; the acceptance, which ends the county instance and
        // resumes its city's cascade wait, is captured: the ceiling's rows (and a warm-up of the use case).
        var tables = RowCapture.Tables(factory);
        var first = work.First(t => t.Step == "county");
        await useCase.HandleAsync(CallerOf(first.Assignee), first.Id, new CompleteTask.Request("Done", null));
        var firstReview = (await OpenTasksAsync(factory, "review")).Single();
        var before = await RowCapture.TakeAsync(factory, tables);
        await useCase.HandleAsync(CallerOf(firstReview.Assignee), firstReview.Id, new CompleteTask.Request("Accept", null));
        var delta = RowCapture.Diff(tables, before, await RowCapture.TakeAsync(factory, tables));
        var captured = $"{provider}: one county review accepted writes {delta.Inserted.Count} rows, updates {delta.Updated.Count}, deletes {delta.Deleted.Count} "
            + $"({string.Join(", ", delta.Tables.Select(t => $"{t} {delta.Inserted.Count(r => r.Table.Name == t)}+{delta.Updated.Count(r => r.Table.Name == t)}~{delta.Deleted.Count(r => r.Table.Name == t)}-"))}; "
            + "+ inserted, ~ updated, − deleted; the audit line is in the accounts tables, not captured).";

        using var counter = new CommandCounter();
        var latencies = new ConcurrentBag<double>();
        var clock = Stopwatch.StartNew();
        var tasks = work.Where(t => t.Id != first.Id).ToList();
        var done = await CompleteAllAsync(useCase, tasks, "Done", callers, latencies);
        var reviews = await OpenTasksAsync(factory, "review");
        if (reviews.Count != measures * 101 - 1)
        {
            throw new InvalidOperationException($"{reviews.Count} reviews open after {measures * 101} city and county tasks were done: the run is invalid.");
        }
        done += await CompleteAllAsync(useCase, reviews, "Accept", callers, latencies);
        var rate = latencies.Count / done.TotalSeconds;
        var completions = (double)latencies.Count;
        var (commands, commits) = (counter.Commands / completions, counter.Commits / completions);
        var (retries, saves, sql) = (counter.Abandoned / completions, counter.Saves / completions, counter.CommandTime.TotalMilliseconds / completions);
        await VerifyAsync(seed, measures + WarmUpMeasures);

        // Updated rows are the task, instance and bookmarks of that one completion; updating them again is what the ceiling does.
        var replay = new RowReplay(factory, delta);
        await replay.WriteOnceAsync();
        var ceiling = new ConcurrentBag<double>();
        clock.Restart();
        await Parallel.ForAsync(0, latencies.Count, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (_, _) =>
            ceiling.Add((await replay.WriteOnceAsync()).TotalMilliseconds));
        var ceilingRate = latencies.Count / clock.Elapsed.TotalSeconds;

        var sorted = latencies.Order().ToList();
        var ceilingSorted = ceiling.Order().ToList();
        var (p50, p99) = (Results.Percentile(sorted, 50), Results.Percentile(sorted, 99));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} ×{callers}: {rate:F0}/s p99 {p99:F0} ms, {commands:F1} commands ({sql:F1} ms), {saves:F1} SaveChanges, {retries:F2} retries; ceiling {ceilingRate:F0}/s"));
        var met = rate >= 1000 && p99 <= 50 ? "met" : $"**no** ({(rate >= 1000 ? "" : "rate")}{(rate < 1000 && p99 > 50 ? ", " : "")}{(p99 <= 50 ? "" : "p99")})";
        return (string.Create(CultureInfo.InvariantCulture,
            $"| {provider} | {callers} | {rate:F0} | {p50:F1} | {p99:F1} | {commands:F1} | {commits:F1} | {retries:F2} | {ceilingRate:F0} | {Results.Percentile(ceilingSorted, 99):F1} | {rate / ceilingRate:P0} | {met} |"), captured);
    }

    /// <summary>Launches <paramref name="measures"/> seed measures and completes their plan tasks, which cascades each to 101 regions.</summary>
    private static async Task CascadeAsync(SeedMeasures seed, int measures)
    {
        foreach (var plan in await seed.PlanTasksAsync(measures))
        {
            await seed.Engine.CompleteTaskAsync(plan, "Done", "jx-330000");
        }
    }

    /// <summary>The open tasks of the given steps, in a shuffled order (the same for the same tasks).</summary>
    private static async Task<List<(Guid Id, string Assignee, string Step)>> OpenTasksAsync(PolicyFlow.Host.Storage.DbFactory factory, params string[] steps)
    {
        await using var db = factory.Create();
        var facts = await db.TaskFacts.AsNoTracking().Where(f => steps.Contains(f.Step)).ToDictionaryAsync(f => f.TaskId, f => f.Step);
        var open = (await db.Tasks.AsNoTracking().Where(t => t.Status == WorkTaskStatus.Open).ToListAsync())
            .Where(t => facts.ContainsKey(t.Id)).OrderBy(t => t.Id).Select(t => (t.Id, t.Assignee, facts[t.Id])).ToArray();
        new Random(14).Shuffle(open);
        return [.. open];
    }

    /// <summary>Completes the tasks with <paramref name="callers"/> at once; returns the time it took (each one's latency is added).</summary>
    private static async Task<TimeSpan> CompleteAllAsync(CompleteTask useCase, List<(Guid Id, string Assignee, string Step)> tasks, string outcome, int callers,
        ConcurrentBag<double> latencies)
    {
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (task, ct) =>
        {
            var one = Stopwatch.StartNew();
            await useCase.HandleAsync(CallerOf(task.Assignee), task.Id, new CompleteTask.Request(outcome, null), ct);
            latencies.Add(one.Elapsed.TotalMilliseconds);
        });
        return clock.Elapsed;
    }

    private static Caller CallerOf(string agency) => new($"bench-{agency}", new HashSet<string>(StringComparer.Ordinal) { Roles.AgencyStaff }, agency);

    private static async Task VerifyAsync(SeedMeasures seed, int measures)
    {
        await using var db = seed.Storage.Factory.Create();
        var cities = await db.Instances.CountAsync(i => i.DefinitionId == "measure-city" && i.Status == InstanceStatus.Completed);
        var counties = await db.Instances.CountAsync(i => i.DefinitionId == "measure-county" && i.Status == InstanceStatus.Completed);
        var cascades = await db.Bookmarks.CountAsync(b => b.ActivityId == "cascade" && b.ConsumedAt != null);
        if (cities != measures * 11 || counties != measures * 90 || cascades != measures)
        {
            foreach (var city in await db.Instances.AsNoTracking().Where(i => i.DefinitionId == "measure-city" && i.Status != InstanceStatus.Completed).ToListAsync())
            {
                var open = await db.Bookmarks.AsNoTracking().Where(b => b.InstanceId == city.Id && b.ConsumedAt == null).ToListAsync();
                var children = await db.Instances.CountAsync(i => i.ParentInstanceId == city.Id && i.Status == InstanceStatus.Completed);
                var tasks = await db.Tasks.AsNoTracking().Where(t => t.InstanceId == city.Id).Select(t => t.Status).ToListAsync();
                Console.Error.WriteLine($"city {city.Id} {city.Status} rev {city.Revision}: {children} children completed, tasks {string.Join(",", tasks)}, open bookmarks: "
                    + string.Join("; ", open.Select(b => $"{b.ActivityId} {b.Kind} {b.PayloadJson.Length} chars, {System.Text.Json.Nodes.JsonNode.Parse(b.PayloadJson)?["completed"]?.AsArray().Count} counted")));
            }
            throw new InvalidOperationException($"{cities} cities, {counties} counties and {cascades} cascade joins completed for {measures} measures: the run is invalid.");
        }
    }
}
