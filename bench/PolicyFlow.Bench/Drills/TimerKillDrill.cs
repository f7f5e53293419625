using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// Drill (b): two hosts on one PostgreSQL draining a backlog of due reminder timers; one is SIGKILLed part-way. The other
/// drains the rest, and every timer has fired exactly once: fired, one TimerFired journal line, at most one email per firing.
/// </summary>
internal static class TimerKillDrill
{
    public static async Task<Drill> RunAsync(int timers)
    {
        var drill = new Drill("(b) two hosts, one SIGKILLed during a timer backlog, PostgreSql");
        await using var storage = await BenchStorage.CreateAsync("PostgreSql");
        var factory = storage.Factory;
        var (instance, task, _) = await HostUnderTest.LaunchCountyAsync(factory);
        var first = await BenchHosts.StartAsync(factory, seed: false);
        var second = await BenchHosts.StartAsync(factory, seed: false);
        try
        {
            await using (var db = factory.Create())
            {
                // The county task's own deadline timers are not part of the backlog.
                await db.Timers.Where(t => t.InstanceId == instance).ExecuteDeleteAsync();
            }
            await ColdStartBench.LoadAsync(factory, instance, task, 0, DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), due: timers);
            drill.Did($"{timers:N0} due reminder timers of one county task bulk-loaded (COPY) while two hosts run on the database");
            var clock = System.Diagnostics.Stopwatch.StartNew();
            var firedAtKill = 0;
            while (clock.Elapsed < TimeSpan.FromMinutes(5))
            {
                firedAtKill = await FiredAsync(factory);
                if (firedAtKill >= timers / 5)
                {
                    break;
                }
                await Task.Delay(20);
            }
            await first.KillAsync();
            drill.Did(string.Create(CultureInfo.InvariantCulture, $"host 1 SIGKILLed at {clock.Elapsed.TotalSeconds:F1} s with {firedAtKill:N0} fired; host 2 left to drain"));
            var fired = 0;
            while (clock.Elapsed < TimeSpan.FromMinutes(10) && (fired = await FiredAsync(factory)) < timers)
            {
                await Task.Delay(200);
            }
            drill.Did(string.Create(CultureInfo.InvariantCulture, $"backlog drained at {clock.Elapsed.TotalSeconds:F1} s; host 1 restarted for 10 s to see it fires nothing again"));
            await first.DisposeAsync();
            first = await BenchHosts.StartAsync(factory, seed: false);
            await Task.Delay(TimeSpan.FromSeconds(10));

            await using var check = factory.Create();
            var rows = await check.Timers.AsNoTracking().Where(t => t.InstanceId == instance).Select(t => new { t.Id, t.Status }).ToListAsync();
            drill.Check("timers fired", timers, rows.Count(r => r.Status == TimerStatus.Fired));
            drill.Check("timers still pending", 0, rows.Count(r => r.Status == TimerStatus.Pending));
            var journal = await check.Journal.AsNoTracking().Where(j => j.InstanceId == instance && j.Kind == JournalKinds.TimerFired)
                .Select(j => j.DataJson).ToListAsync();
            var perTimer = journal.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("timer").GetGuid()).GroupBy(g => g).ToList();
            drill.Check("timers with a TimerFired journal line", timers, perTimer.Count);
            drill.Check("timers journaled as fired more than once", 0, perTimer.Count(g => g.Count() > 1));
            // A reminder goes to each distinct address of the county agency (its contact and its staff): one email per timer and address.
            var perAddress = await check.Outbox.AsNoTracking().Where(m => m.InstanceId == instance && m.Kind == "Reminder")
                .GroupBy(m => m.To).Select(g => g.Count()).ToListAsync();
            drill.Check($"reminder emails per recipient address ({perAddress.Count} addresses: one per timer each)",
                perAddress.Count > 0 && perAddress.All(c => c == timers), string.Join(", ", perAddress.Select(c => c.ToString("N0", CultureInfo.InvariantCulture))));
            drill.Check("outbox messages sharing a Message-ID or dedup key", 0, await CascadeKillDrill.OutboxDuplicatesAsync(factory));
        }
        finally
        {
            await first.DisposeAsync();
            await second.DisposeAsync();
        }
        return drill;
    }

    private static async Task<int> FiredAsync(Host.Storage.DbFactory factory)
    {
        await using var db = factory.Create();
        return await db.Timers.CountAsync(t => t.Status == TimerStatus.Fired);
    }
}
