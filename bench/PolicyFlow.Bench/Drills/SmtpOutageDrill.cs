using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// Drill (d): two hosts on one PostgreSQL (the drill's own cluster) sending through a real SMTP server (tests/smtp); the
/// server is stopped while plan tasks are completed and their cascades create tasks for 11 cities and 90 counties (each an
/// assignment email through the outbox), left down, and started again: every email arrives once (Message-ID at the sink),
/// as many as the outbox holds, and none is marked failed.
/// </summary>
internal static class SmtpOutageDrill
{
    public static async Task<Drill> RunAsync(DrillSettings settings)
    {
        var drill = new Drill("(d) SMTP down under load, two hosts on PostgreSql");
        await using var sink = await SmtpSink.StartNewAsync();
        // Retries come back within the drill; enough attempts that a message written at the outage's start outlives it.
        var maxAttempts = (int)Math.Ceiling(settings.SmtpDown / settings.MaxRetryDelay) + 10;
        var mail = new Dictionary<string, string>
        {
            ["Mail__SmtpHost"] = sink.Host,
            ["Mail__SmtpPort"] = sink.Port.ToString(CultureInfo.InvariantCulture),
            ["Mail__SmtpSecurity"] = "None",
            ["Outbox__FirstRetryDelay"] = settings.FirstRetryDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Outbox__MaxRetryDelay"] = settings.MaxRetryDelay.ToString("c", CultureInfo.InvariantCulture),
            ["Outbox__MaxAttempts"] = maxAttempts.ToString(CultureInfo.InvariantCulture),
        };
        await using var drilled = await ClusterHosts.StartAsync(settings.PgPort, mail);
        var (cluster, factory, hosts) = (drilled.Cluster, drilled.Factory, drilled.Hosts);
        var plans = (await BenchHosts.PlanTasksAsync(factory, TimeSpan.FromMinutes(2))).OrderBy(p => p.InstanceId).ToList();
        var settled = await SettledAsync(factory, TimeSpan.FromMinutes(3));
        drill.Did($"own cluster on port {cluster.Port}; SMTP sink on {sink.Host}:{sink.Port}; two hosts with " +
            string.Join(", ", mail.Where(m => m.Key.StartsWith("Outbox", StringComparison.Ordinal)).Select(m => $"{m.Key}={m.Value}")) +
            $"; the seed's {plans.Count} measures launched, their {settled.Sent} emails delivered before the outage");

        await sink.StopAsync();
        var clock = Stopwatch.StartNew();
        var downFrom = DateTimeOffset.UtcNow;
        // Spread the cascades over the outage: plan i completed at i/n of it, alternating hosts.
        for (var i = 0; i < plans.Count; i++)
        {
            var at = settings.SmtpDown * i / plans.Count;
            if (at > clock.Elapsed)
            {
                await Task.Delay(at - clock.Elapsed);
            }
            using var client = await BenchHosts.TokenClientAsync(hosts[i % hosts.Count].Address, plans[i].Assignee);
            (await BenchHosts.CompleteAsync(client, plans[i].Id)).EnsureSuccessStatusCode();
        }
        if (settings.SmtpDown > clock.Elapsed)
        {
            await Task.Delay(settings.SmtpDown - clock.Elapsed);
        }
        var downFor = clock.Elapsed;
        await using (var db = factory.Create())
        {
            var written = await db.Outbox.CountAsync(m => m.CreatedAt >= downFrom);
            var tried = await db.Outbox.CountAsync(m => m.Status == OutboxStatus.Pending && m.Attempts > 0);
            var attempts = await db.Outbox.Where(m => m.Status == OutboxStatus.Pending).Select(m => (int?)m.Attempts).MaxAsync() ?? 0;
            drill.Did(string.Create(CultureInfo.InvariantCulture,
                $"SMTP sink stopped for {downFor.TotalMinutes:F1} min while the {plans.Count} plan tasks were completed through the API, one every {(settings.SmtpDown / plans.Count).TotalSeconds:F0} s; {written:N0} emails written meanwhile, {tried:N0} of them tried and failed (up to {attempts} attempts each)"));
            drill.Check("emails written while SMTP was down, tried and refused", written > 0 && tried > 0, $"{written:N0} written, {tried:N0} tried");
        }

        await sink.StartAsync();
        var back = Stopwatch.StartNew();
        var final = await SettledAsync(factory, settings.MaxRetryDelay + TimeSpan.FromMinutes(3));
        var drained = back.Elapsed;
        // A late duplicate would come from a lease running out: wait one poll of both hosts' dispatchers and more.
        await Task.Delay(TimeSpan.FromSeconds(10));
        var received = sink.ReceivedMessages();
        drill.Did(string.Create(CultureInfo.InvariantCulture, $"SMTP sink started again; outbox drained {drained.TotalSeconds:F1} s later; 10 s more waited for late repeats"));
        drill.Check("outbox rows still pending or marked failed", 0, final.Pending + final.Failed);
        drill.Check(string.Create(CultureInfo.InvariantCulture, $"drained within MaxRetryDelay + 60 s of the return ({drained.TotalSeconds:F1} s)"),
            drained <= settings.MaxRetryDelay + TimeSpan.FromSeconds(60), string.Create(CultureInfo.InvariantCulture, $"{drained.TotalSeconds:F1} s"));
        var ids = received.Select(m => $"<{m.MessageId}>").ToList();
        drill.Check(string.Create(CultureInfo.InvariantCulture, $"messages at the sink = outbox rows sent ({final.Digested} reminders digested, not sent alone)"),
            final.Sent, received.Count);
        drill.Check("Message-IDs received more than once", 0, ids.GroupBy(i => i).Count(g => g.Count() > 1));
        await using (var db = factory.Create())
        {
            var sent = (await db.Outbox.AsNoTracking().Where(m => m.Status == OutboxStatus.Sent).Select(m => m.MessageId).ToListAsync()).ToHashSet();
            drill.Check("sent outbox rows whose Message-ID never arrived, and arrivals no sent row names", 0,
                sent.Count(s => !ids.Contains(s)) + ids.Count(i => !sent.Contains(i)));
        }
        drill.Check("outbox messages sharing a Message-ID or dedup key", 0, await CascadeKillDrill.OutboxDuplicatesAsync(factory));
        return drill;
    }

    private sealed record Outbox(int Pending, int Sent, int Failed, int Digested);

    /// <summary>Waits until no message is pending (or <paramref name="within"/> passes) and returns the outbox by status.</summary>
    private static async Task<Outbox> SettledAsync(DbFactory factory, TimeSpan within)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            await using var db = factory.Create();
            var counts = await db.Outbox.AsNoTracking().GroupBy(m => m.Status).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(g => g.Key, g => g.Count);
            var outbox = new Outbox(counts.GetValueOrDefault(OutboxStatus.Pending), counts.GetValueOrDefault(OutboxStatus.Sent),
                counts.GetValueOrDefault(OutboxStatus.Failed), counts.GetValueOrDefault(OutboxStatus.Digested));
            if ((outbox.Pending == 0 && outbox.Sent > 0) || clock.Elapsed > within)
            {
                return outbox;
            }
            await Task.Delay(500);
        }
    }
}
