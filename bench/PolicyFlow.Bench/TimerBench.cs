using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using PolicyFlow.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Jobs;

namespace PolicyFlow.Bench;

/// <summary>
/// Timer lateness at a steady rate, and how fast a backlog of due timers drains. The timers are reminders of one open
/// task, so each firing does the real work: claim the row, journal it, render the notice and write it to the outbox.
/// </summary>
internal static class TimerBench
{
    private const string Step = """
    { "id": "step", "name": "One step",
      "activities": [ { "id": "start", "type": "Start" },
        { "id": "task", "type": "AssignTask", "properties": { "assignee": "jx-330102", "title": "落实并报告", "step": "county" } } ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "task" } ] }
    """;

    public static async Task RunAsync(string[] providers, int runs, int backlog, int rate, int seconds, string command)
    {
        var lines = new List<string>
        {
            $"Reminder timers of one open task; each firing claims the row, journals it, renders the notice (Fluid) and writes it to the outbox.",
            $"Steady: {rate} timers/s for {seconds} s, pumped by the production TimerPumpJob loop (poll {TimerPumpJob.PollInterval.TotalMilliseconds:F0} ms); lateness = fired − due.",
            $"Drain: {backlog:N0} timers all due at once, one pump (chunks of {TimerPump.ChunkSize} per transaction; 4 chunks at once on PostgreSQL, 1 on SQLite, as the host runs it); median of {runs} runs.",
            "",
            "| provider | lateness p50 (ms) | lateness p99 (ms) | lateness max (ms) | drain (timers/s, median) | drain runs |",
            "|---|---|---|---|---|---|",
        };
        var drains = new Dictionary<string, double>();
        foreach (var provider in providers)
        {
            var (p50, p99, max) = await SteadyAsync(provider, rate, seconds);
            var drainRuns = new List<double>();
            for (var run = 0; run < runs; run++)
            {
                drainRuns.Add(await DrainAsync(provider, backlog));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} drain run {run}: {drainRuns[^1]:F0} timers/s"));
            }
            drains[provider] = Results.Median(drainRuns);
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {p50:F0} | {p99:F0} | {max:F0} | {drains[provider]:F0} | {string.Join(", ", drainRuns.Select(d => d.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }
        if (drains.TryGetValue("Sqlite", out var s) && drains.TryGetValue("PostgreSql", out var p))
        {
            lines.Add("");
            lines.Add(string.Create(CultureInfo.InvariantCulture, $"Drain ratio PostgreSQL / SQLite: {p / s:F2}×. Targets: p99 lateness ≤ 1000 ms, drain ≥ 2,000 timers/s."));
        }
        Results.Append("Timers (issue 4)", command, lines);
    }

    private static async Task<(double P50, double P99, double Max)> SteadyAsync(string provider, int rate, int seconds)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var services = Build(storage);
        var (instanceId, taskId) = await LaunchAsync(services);
        var pump = services.GetRequiredService<TimerPump>();
        pump.Parallelism = provider == "PostgreSql" ? 4 : 1; // as the host sets it
        using var stop = new CancellationTokenSource();
        var job = new TimerPumpJob(pump, new TimerSignal(), new TimerPumpHeartbeat(), TimeProvider.System, NullLogger<TimerPumpJob>.Instance);
        var pumping = Task.Run(() => job.PumpAsync(stop.Token));

        // Producer: every 50 ms, the timers due in that slice, each due one second after it is written.
        var clock = Stopwatch.StartNew();
        var perSlice = rate / 20;
        var total = 0;
        while (clock.Elapsed < TimeSpan.FromSeconds(seconds))
        {
            await using (var db = storage.Factory.Create())
            {
                var now = DateTimeOffset.UtcNow;
                for (var i = 0; i < perSlice; i++)
                {
                    db.Timers.Add(Reminder(instanceId, taskId, now.AddSeconds(1).AddMilliseconds(i * 50.0 / perSlice)));
                }
                await db.SaveChangesAsync();
                total += perSlice;
            }
            var next = TimeSpan.FromMilliseconds(50 * (total / perSlice));
            if (next > clock.Elapsed)
            {
                await Task.Delay(next - clock.Elapsed);
            }
        }
        await WaitAllFiredAsync(storage, total);
        await stop.CancelAsync();
        await pumping;
        await using var read = storage.Factory.Create();
        var lateness = (await read.Timers.Where(t => t.LatenessMs != null).Select(t => t.LatenessMs!.Value).ToListAsync()).Select(l => (double)l).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} steady: {lateness.Count} fired, p50 {Results.Percentile(lateness, 50)} ms, p99 {Results.Percentile(lateness, 99)} ms"));
        return (Results.Percentile(lateness, 50), Results.Percentile(lateness, 99), lateness[^1]);
    }

    private static async Task<double> DrainAsync(string provider, int backlog)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var services = Build(storage);
        var (instanceId, taskId) = await LaunchAsync(services);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        for (var written = 0; written < backlog; written += 5000)
        {
            await using var db = storage.Factory.Create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Timers.AddRange(Enumerable.Range(0, Math.Min(5000, backlog - written)).Select(_ => Reminder(instanceId, taskId, due)));
            await db.SaveChangesAsync();
        }
        var pump = services.GetRequiredService<TimerPump>();
        pump.Parallelism = provider == "PostgreSql" ? 4 : 1; // as the host sets it
        var clock = Stopwatch.StartNew();
        var fired = await pump.DrainAsync(TimerPumpJob.BatchSize);
        var rate = fired / clock.Elapsed.TotalSeconds;
        if (fired != backlog)
        {
            throw new InvalidOperationException($"{fired} of {backlog} timers fired: the run is invalid.");
        }
        return rate;
    }

    private static ServiceProvider Build(BenchStorage storage)
    {
        var services = new ServiceCollection();
        services.AddSingleton<IEngineDbFactory>(storage.Factory);
        services.AddPolicyFlowActivities();
        return services.BuildServiceProvider();
    }

    private static async Task<(Guid Instance, Guid Task)> LaunchAsync(ServiceProvider services)
    {
        await services.GetRequiredService<DefinitionService>().SaveAndPublishAsync(Step, "bench");
        var instance = await services.GetRequiredService<WorkflowEngine>().LaunchAsync(new LaunchRequest("step"), "bench");
        await using var db = services.GetRequiredService<IEngineDbFactory>().Create();
        return (instance.Id, await db.Tasks.Where(t => t.InstanceId == instance.Id).Select(t => t.Id).SingleAsync());
    }

    private static WorkflowTimer Reminder(Guid instanceId, Guid taskId, DateTimeOffset dueAt) => new()
    {
        Id = Guid.NewGuid(), InstanceId = instanceId, TaskId = taskId, Kind = "Reminder", DueAt = dueAt,
        Status = TimerStatus.Pending, CreatedAt = dueAt, PayloadJson = "{}",
    };

    private static async Task WaitAllFiredAsync(BenchStorage storage, int total)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            await using var db = storage.Factory.Create();
            if (await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired) >= total)
            {
                return;
            }
            await Task.Delay(200);
        }
        throw new TimeoutException("Timers did not all fire within five minutes.");
    }
}
