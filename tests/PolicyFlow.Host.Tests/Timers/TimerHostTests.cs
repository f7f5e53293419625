using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Timers;

/// <summary>Real host processes firing real timers: two hosts on one database, and a host that is down while timers fall due.</summary>
public sealed class TimerHostTests
{
    private const string Delayed = """
    { "id": "delayed", "name": "Delayed task",
      "variables": [ { "name": "wait", "type": "string", "default": "PT3S" } ],
      "activities": [ { "id": "start", "type": "Start" },
        { "id": "wait", "type": "Delay", "properties": { "duration": { "var": "wait" } } },
        { "id": "task", "type": "HumanTask", "properties": { "title": "After the wait", "assignee": "jx-330000" } } ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "wait" }, { "from": "wait", "outcome": "Done", "to": "task" } ] }
    """;

    [Fact]
    public async Task TwoHostsOnOnePostgreSql_FireEachTimerOnce()
    {
        await using var storage = await TestStorage.CreateAsync("PostgreSql");
        var hosts = await Task.WhenAll(PolicyFlowProcess.StartAsync(storage.Environment), PolicyFlowProcess.StartAsync(storage.Environment));
        try
        {
            await using var engine = Engine(storage);
            // Every timer falls due at the same instant, so both pumps meet one backlog: a trickle of timers falling due one by one
            // is taken by whichever pump happens to look first, and would say nothing about sharing. The backlog is four of a
            // pump's reads (500 each), so the pump that looks first is still firing when the other looks 200 ms later; a backlog
            // of one read can be fired whole by one host between two looks of the other.
            var dueAt = DateTimeOffset.UtcNow.AddSeconds(25);
            var ids = await LaunchAsync(engine, 2000, _ => string.Create(System.Globalization.CultureInfo.InvariantCulture,
                $"PT{Math.Max(0.5, (dueAt - DateTimeOffset.UtcNow).TotalSeconds):0.###}S"), parallelism: 8);
            await WaitForAsync(engine, ids.Count, TimeSpan.FromSeconds(90));

            await using var db = engine.GetRequiredService<IEngineDbFactory>().Create();
            var fired = await db.Journal.Where(j => j.Kind == JournalKinds.TimerFired && ids.Contains(j.InstanceId)).ToListAsync();
            Assert.Equal(ids.Count, fired.Count);
            Assert.Equal(ids.Count, fired.Select(j => j.InstanceId).Distinct().Count());
            Assert.Equal(ids.Count, await db.Tasks.CountAsync(t => ids.Contains(t.InstanceId)));
            // Both hosts took part: the journal names the process that fired each timer.
            var perHost = fired.GroupBy(j => j.Actor).Select(g => $"{g.Key}: {g.Count()}").ToList();
            Assert.True(perHost.Count == 2, "timers fired per host: " + string.Join(", ", perHost));
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task AHostDownWhileTimersFallDue_FiresEachOfThemOnceAfterTheRestart()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var engine = Engine(storage);
        List<Guid> ids;
        DateTimeOffset restartedAt;
        await using (var first = await PolicyFlowProcess.StartAsync(storage.Environment))
        {
            // 1,000 timers due between 2 and 21 seconds from now; the host is killed at once.
            ids = await LaunchAsync(engine, 1000, i => $"PT{2 + (i % 20)}S");
            await first.KillAsync();
        }
        await Task.Delay(TimeSpan.FromSeconds(6));
        restartedAt = DateTimeOffset.UtcNow;
        await using var second = await PolicyFlowProcess.StartAsync(storage.Environment);
        await WaitForAsync(engine, ids.Count, TimeSpan.FromSeconds(90));

        await using var db = engine.GetRequiredService<IEngineDbFactory>().Create();
        var timers = await db.Timers.AsNoTracking().Where(t => ids.Contains(t.InstanceId)).ToListAsync();
        Assert.Equal(ids.Count, timers.Count);
        Assert.All(timers, t => Assert.Equal(TimerStatus.Fired, t.Status));
        Assert.True(timers.Count(t => t.DueAt < restartedAt) > 100, "some timers must have fallen due while the host was down");
        var fired = await db.Journal.Where(j => j.Kind == JournalKinds.TimerFired && ids.Contains(j.InstanceId)).Select(j => j.InstanceId).ToListAsync();
        Assert.Equal(ids.Count, fired.Count);
        Assert.Equal(ids.Count, fired.Distinct().Count());
        Assert.Equal(ids.Count, await db.Tasks.CountAsync(t => ids.Contains(t.InstanceId)));
    }

    /// <summary>An engine in the test process on the hosts' database, to launch and to read; it fires nothing itself.</summary>
    private static ServiceProvider Engine(TestStorage storage)
    {
        var provider = storage.Environment["Storage__Provider"] == "PostgreSql" ? StorageProvider.PostgreSql : StorageProvider.Sqlite;
        var services = new ServiceCollection();
        services.AddSingleton<IEngineDbFactory>(new DbFactory(provider, storage.Environment["Storage__ConnectionString"]));
        services.AddPolicyFlowActivities();
        return services.BuildServiceProvider();
    }

    /// <summary>Launches <paramref name="count"/> delayed instances, <paramref name="parallelism"/> at a time (1 for SQLite, whose
    /// hosts are writing to the same file).</summary>
    private static async Task<List<Guid>> LaunchAsync(ServiceProvider engine, int count, Func<int, string> wait, int parallelism = 1)
    {
        await engine.GetRequiredService<DefinitionService>().SaveAndPublishAsync(Delayed, "test");
        var workflows = engine.GetRequiredService<WorkflowEngine>();
        var ids = new Guid[count];
        await Parallel.ForAsync(0, count, new ParallelOptions { MaxDegreeOfParallelism = parallelism }, async (i, _) =>
        {
            var input = new System.Text.Json.Nodes.JsonObject { ["wait"] = wait(i) };
            ids[i] = (await workflows.LaunchAsync(new LaunchRequest("delayed", input), "test")).Id;
        });
        return [.. ids];
    }

    private static async Task WaitForAsync(ServiceProvider engine, int tasks, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        var factory = engine.GetRequiredService<IEngineDbFactory>();
        while (clock.Elapsed < timeout)
        {
            await using var db = factory.Create();
            if (await db.Tasks.CountAsync(t => t.Title == "After the wait") >= tasks)
            {
                return;
            }
            await Task.Delay(250);
        }
    }
}
