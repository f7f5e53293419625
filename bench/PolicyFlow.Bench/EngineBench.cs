using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Engine;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Bench;

/// <summary>Instances launched per second and task completions per second for the fork/join definition.</summary>
internal static class EngineBench
{
    private static string ForkJoin => File.ReadAllText(Path.Combine(Results.RepositoryRoot(), "workflows", "examples", "fork-join.json"));

    public static async Task RunAsync(string[] providers, int runs, int instances, int concurrency, string command)
    {
        var lines = new List<string>
        {
            $"fork → 2 human tasks → join → end; {instances} instances per run, {concurrency} concurrent callers, median of {runs} runs (one warm-up run not counted).",
            "",
            "| provider | launches/s (median) | completions/s (median) | runs (launches/s; completions/s) |",
            "|---|---|---|---|",
        };
        var medians = new Dictionary<string, (double Launch, double Complete)>();
        foreach (var provider in providers)
        {
            var launch = new List<double>();
            var complete = new List<double>();
            for (var run = 0; run <= runs; run++)
            {
                var (l, c) = await OneRunAsync(provider, instances, concurrency);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} run {run}: {l:F0} launches/s, {c:F0} completions/s"));
                if (run > 0)
                {
                    launch.Add(l);
                    complete.Add(c);
                }
            }
            medians[provider] = (Results.Median(launch), Results.Median(complete));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {medians[provider].Launch:F0} | {medians[provider].Complete:F0} | {string.Join(", ", launch.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))}; {string.Join(", ", complete.Select(x => x.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }
        if (medians.TryGetValue("Sqlite", out var s) && medians.TryGetValue("PostgreSql", out var p))
        {
            lines.Add("");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Ratio PostgreSQL / SQLite: launches {p.Launch / s.Launch:F2}×, completions {p.Complete / s.Complete:F2}×."));
        }
        Results.Append("Engine throughput (issue 2)", command, lines);
    }

    private static async Task<(double Launches, double Completions)> OneRunAsync(string provider, int instances, int concurrency)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        var services = new ServiceCollection();
        services.AddSingleton<IEngineDbFactory>(storage.Factory);
        services.AddPolicyFlowEngine();
        await using var provider_ = services.BuildServiceProvider();
        var engine = provider_.GetRequiredService<WorkflowEngine>();
        await provider_.GetRequiredService<DefinitionService>().SaveAndPublishAsync(ForkJoin, "bench");

        var clock = Stopwatch.StartNew();
        await Parallel.ForAsync(0, instances, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (_, ct) => await engine.LaunchAsync(new LaunchRequest("fork-join"), "bench", ct));
        var launches = instances / clock.Elapsed.TotalSeconds;

        List<Guid> tasks;
        await using (var db = storage.Factory.Create())
        {
            tasks = await db.Tasks.Select(t => t.Id).ToListAsync();
        }
        clock.Restart();
        await Parallel.ForEachAsync(tasks, new ParallelOptions { MaxDegreeOfParallelism = concurrency },
            async (id, ct) => await engine.CompleteTaskAsync(id, "Done", "bench", cancellationToken: ct));
        var completions = tasks.Count / clock.Elapsed.TotalSeconds;

        await using (var db = storage.Factory.Create())
        {
            var done = await db.Instances.CountAsync(i => i.Status == InstanceStatus.Completed);
            if (done != instances)
            {
                throw new InvalidOperationException($"{done} of {instances} instances completed: the run is invalid.");
            }
        }
        return (launches, completions);
    }
}
