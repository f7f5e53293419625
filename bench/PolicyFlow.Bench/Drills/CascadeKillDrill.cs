using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// Drill (a): a seed measure's plan task completed through the API and the host SIGKILLed while the 101-way cascade runs, at a
/// different moment each round; after the restart the caller repeats the completion (as a client whose request died does),
/// and the measure has exactly 101 children, one task each, and no timer, email or launch written twice.
/// </summary>
internal static class CascadeKillDrill
{
    public static async Task<Drill> RunAsync(string provider, int rounds)
    {
        var drill = new Drill($"(a) SIGKILL mid-cascade, {provider}");
        await using var storage = await BenchStorage.CreateAsync(provider);
        var factory = storage.Factory;
        var host = await BenchHosts.StartAsync(factory);
        try
        {
            var plans = (await BenchHosts.PlanTasksAsync(factory, TimeSpan.FromMinutes(2))).OrderBy(p => p.InstanceId).ToList();
            drill.Check("seed measures waiting on their plan task", BenchHosts.Measures, plans.Count);
            for (var round = 0; round < Math.Min(rounds, plans.Count); round++)
            {
                var plan = plans[round];
                // Spread over the cascade's ~1–3 s on this machine: early (launching the first children), middle, late.
                var delay = TimeSpan.FromMilliseconds(150 + (round * 2400.0 / Math.Max(1, rounds - 1)));
                using (var client = await BenchHosts.TokenClientAsync(host.Address, plan.Assignee))
                {
                    var request = BenchHosts.CompleteAsync(client, plan.Id);
                    await Task.Delay(delay);
                    var answered = request.IsCompletedSuccessfully ? $"answered {(int)request.Result.StatusCode} first" : "still in flight";
                    await host.KillAsync();
                    await host.DisposeAsync();
                    try
                    {
                        await request;
                    }
                    catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                    {
                        // The host died under the request.
                    }
                    var committed = await ChildrenAsync(factory, plan.InstanceId);
                    drill.Did(string.Create(CultureInfo.InvariantCulture,
                        $"round {round + 1}: completed plan of {plan.InstanceId.ToString()[..8]} as {plan.Assignee}, SIGKILL after {delay.TotalMilliseconds:F0} ms (request {answered}; {committed} children committed), restarted"));
                }
                host = await BenchHosts.StartAsync(factory);
                using (var client = await BenchHosts.TokenClientAsync(host.Address, plan.Assignee))
                {
                    var retry = await BenchHosts.CompleteAsync(client, plan.Id);
                    var again = await BenchHosts.CompleteAsync(client, plan.Id);
                    var changed = (await again.Content.ReadFromJsonAsync<JsonObject>())?["changed"]?.GetValue<bool>();
                    drill.Check($"round {round + 1}: repeated completion answered 2xx, a third one changed nothing",
                        retry.IsSuccessStatusCode && again.IsSuccessStatusCode && changed == false, $"{(int)retry.StatusCode}, {(int)again.StatusCode} changed={changed}");
                }
                drill.Check($"round {round + 1}: city and county instances under the measure", 101, await ChildrenAsync(factory, plan.InstanceId));
                await CheckNoDuplicatesAsync(drill, factory, plan.InstanceId, round + 1);
            }
            var outbox = await OutboxDuplicatesAsync(factory);
            drill.Check("whole database: outbox messages with the same Message-ID or the same (kind, task, recipient)", 0, outbox);
        }
        finally
        {
            await host.DisposeAsync();
        }
        return drill;
    }

    private static async Task<int> ChildrenAsync(DbFactory factory, Guid measure)
    {
        return (await DescendantsAsync(factory, measure)).Count;
    }

    /// <summary>The measure's 11 city instances and their 90 county instances (children of the cities).</summary>
    private static async Task<List<Guid>> DescendantsAsync(DbFactory factory, Guid measure)
    {
        await using var db = factory.Create();
        var cities = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId == measure).Select(i => i.Id).ToListAsync();
        var counties = await db.Instances.AsNoTracking().Where(i => i.ParentInstanceId != null && cities.Contains(i.ParentInstanceId.Value))
            .Select(i => i.Id).ToListAsync();
        return [.. cities, .. counties];
    }

    private static async Task CheckNoDuplicatesAsync(Drill drill, DbFactory factory, Guid measure, int round)
    {
        var children = await DescendantsAsync(factory, measure);
        await using var db = factory.Create();
        var tasks = await db.Tasks.AsNoTracking().Where(t => children.Contains(t.InstanceId)).Select(t => new { t.InstanceId, t.ActivityId }).ToListAsync();
        drill.Check($"round {round}: open or done tasks of the 101 (one each)", children.Count, tasks.Count);
        drill.Check($"round {round}: children with two tasks of one step", 0, tasks.GroupBy(t => (t.InstanceId, t.ActivityId)).Count(g => g.Count() > 1));
        var timers = await db.Timers.AsNoTracking().Where(t => children.Contains(t.InstanceId) || t.InstanceId == measure)
            .Select(t => new { t.InstanceId, t.TaskId, t.Kind, t.DueAt }).ToListAsync();
        drill.Check($"round {round}: timers written twice (same instance, task, kind, due) of {timers.Count}", 0,
            timers.GroupBy(t => t).Count(g => g.Count() > 1));
        var launches = await db.Journal.AsNoTracking().Where(j => children.Contains(j.InstanceId) && j.Kind == JournalKinds.Launched).CountAsync();
        drill.Check($"round {round}: InstanceLaunched journal lines of the children", children.Count, launches);
        var mails = await db.Outbox.AsNoTracking().Where(m => m.InstanceId != null && children.Contains(m.InstanceId.Value))
            .Select(m => new { m.Kind, m.TaskId, m.To }).ToListAsync();
        drill.Check($"round {round}: emails of the children written twice (same kind, task, recipient) of {mails.Count}", 0,
            mails.GroupBy(m => m).Count(g => g.Count() > 1));
    }

    public static async Task<int> OutboxDuplicatesAsync(DbFactory factory)
    {
        await using var db = factory.Create();
        var all = await db.Outbox.AsNoTracking().Select(m => new { m.MessageId, m.Kind, m.TaskId, m.To, m.DedupKey }).ToListAsync();
        return all.GroupBy(m => m.MessageId).Count(g => g.Count() > 1)
            + all.Where(m => m.TaskId != null && m.Kind != "Reminder").GroupBy(m => (m.Kind, m.TaskId, m.To)).Count(g => g.Count() > 1)
            + all.GroupBy(m => m.DedupKey).Count(g => g.Count() > 1);
    }
}
