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
            $"Ceiling, same run and database: one plain ADO.NET statement claims and updates a chunk of {TimerPump.ChunkSize} due timers (FOR UPDATE SKIP LOCKED on PostgreSQL)",
            "and the same transaction writes the rows the engine's firing of one chunk wrote (journal lines, notices, outbox; captured); the steady",
            "ceiling polls at the same interval. Targets (issue 14 M3): lateness p99 ≤ 250 ms at 200 timers/s, drain ≥ 10,000 timers/s.",
            "",
            "| provider | lateness p50 (ms) | lateness p99 (ms) | ceiling p50 / p99 (ms) | p99 ≤ 250? | drain (timers/s, median) | ceiling drain (median) | engine / ceiling | ≥ 10,000/s? | drain runs (engine; ceiling) |",
            "|---|---|---|---|---|---|---|---|---|---|",
        };
        foreach (var provider in providers)
        {
            var engine = await SteadyAsync(provider, rate, seconds, ceiling: false);
            var plain = await SteadyAsync(provider, rate, seconds, ceiling: true);
            var drainRuns = new List<(double Engine, double Ceiling)>();
            for (var run = 0; run < runs; run++)
            {
                drainRuns.Add(await DrainAsync(provider, backlog));
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider} drain run {run}: {drainRuns[^1].Engine:F0} timers/s, ceiling {drainRuns[^1].Ceiling:F0}"));
            }
            var (drain, drainCeiling) = (Results.Median(drainRuns.Select(d => d.Engine)), Results.Median(drainRuns.Select(d => d.Ceiling)));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {engine.P50:F0} | {engine.P99:F0} | {plain.P50:F0} / {plain.P99:F0} | {(engine.P99 <= 250 ? "met" : "**no**")} | {drain:F0} | {drainCeiling:F0} | {drain / drainCeiling:P0} | {(drain >= 10_000 ? "met" : "**no**")} | {string.Join(", ", drainRuns.Select(d => d.Engine.ToString("F0", CultureInfo.InvariantCulture)))}; {string.Join(", ", drainRuns.Select(d => d.Ceiling.ToString("F0", CultureInfo.InvariantCulture)))} |"));
        }
        Results.Append("Timers (issue 4, issue 14 M3)", command, lines);
    }

    private static async Task<(double P50, double P99, double Max)> SteadyAsync(string provider, int rate, int seconds, bool ceiling)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var services = Build(storage);
        var (instanceId, taskId) = await LaunchAsync(services);
        var pump = services.GetRequiredService<TimerPump>();
        pump.Parallelism = provider == "PostgreSql" ? 4 : 1; // as the host sets it
        using var stop = new CancellationTokenSource();
        Task pumping;
        var captured = 0;
        if (ceiling)
        {
            var due = DateTimeOffset.UtcNow.AddSeconds(-1);
            var plain = await TimerCeiling.CaptureAsync(services, storage.Factory,
                [.. Enumerable.Range(0, TimerPump.ChunkSize).Select(_ => Reminder(instanceId, taskId, due))]);
            captured = TimerPump.ChunkSize;
            pumping = Task.Run(() => plain.PumpAsync(pump.Parallelism, stop.Token));
        }
        else
        {
            var job = new TimerPumpJob(pump, new TimerSignal(), new TimerPumpHeartbeat(), TimeProvider.System, NullLogger<TimerPumpJob>.Instance);
            pumping = Task.Run(() => job.PumpAsync(stop.Token));
        }

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
        await WaitAllFiredAsync(storage, total + captured, pumping);
        await stop.CancelAsync();
        try
        {
            await pumping;
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // Stopped in the middle of a poll rather than between two: every timer had fired already.
        }
        await using var read = storage.Factory.Create();
        var since = DateTimeOffset.UtcNow - clock.Elapsed;
        var lateness = (await read.Timers.Where(t => t.LatenessMs != null && t.CreatedAt >= since).Select(t => t.LatenessMs!.Value).ToListAsync())
            .Select(l => (double)l).Order().ToList();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{provider} steady{(ceiling ? " ceiling" : "")}: {lateness.Count} fired, p50 {Results.Percentile(lateness, 50)} ms, p99 {Results.Percentile(lateness, 99)} ms"));
        return (Results.Percentile(lateness, 50), Results.Percentile(lateness, 99), lateness[^1]);
    }

    private static async Task<(double Engine, double Ceiling)> DrainAsync(string provider, int backlog)
    {
        await using var storage = await BenchStorage.CreateAsync(provider);
        await using var services = Build(storage);
        var (instanceId, taskId) = await LaunchAsync(services);
        var due = DateTimeOffset.UtcNow.AddSeconds(-1);
        var plain = await TimerCeiling.CaptureAsync(services, storage.Factory,
            [.. Enumerable.Range(0, TimerPump.ChunkSize).Select(_ => Reminder(instanceId, taskId, due))]);
        var pump = services.GetRequiredService<TimerPump>();
        pump.Parallelism = provider == "PostgreSql" ? 4 : 1; // as the host sets it

        await LoadBacklogAsync(storage, instanceId, taskId, backlog, due);
        var clock = Stopwatch.StartNew();
        var fired = await pump.DrainAsync(TimerPumpJob.BatchSize);
        var rate = fired / clock.Elapsed.TotalSeconds;
        if (fired != backlog)
        {
            throw new InvalidOperationException($"{fired} of {backlog} timers fired: the run is invalid.");
        }

        await LoadBacklogAsync(storage, instanceId, taskId, backlog, due);
        clock.Restart();
        fired = await plain.DrainAsync(pump.Parallelism);
        var ceiling = fired / clock.Elapsed.TotalSeconds;
        if (fired != backlog)
        {
            throw new InvalidOperationException($"The ceiling fired {fired} of {backlog} timers: the run is invalid.");
        }
        return (rate, ceiling);
    }

    private static async Task LoadBacklogAsync(BenchStorage storage, Guid instanceId, Guid taskId, int backlog, DateTimeOffset due)
    {
        for (var written = 0; written < backlog; written += 5000)
        {
            await using var db = storage.Factory.Create();
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            db.Timers.AddRange(Enumerable.Range(0, Math.Min(5000, backlog - written)).Select(_ => Reminder(instanceId, taskId, due)));
            await db.SaveChangesAsync();
        }
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

    private static async Task WaitAllFiredAsync(BenchStorage storage, int total, Task pumping)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromMinutes(5))
        {
            if (pumping.IsFaulted)
            {
                await pumping;
            }
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
