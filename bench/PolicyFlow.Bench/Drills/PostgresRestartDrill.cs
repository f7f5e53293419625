using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Bench.Drills;

/// <summary>
/// Drill (c): two hosts on one PostgreSQL (the drill's own cluster, durability on) while county users report progress and
/// complete tasks through the API; the server is stopped (<c>pg_ctl stop -m fast</c>) in the middle, left down, and started
/// again. The hosts recover by themselves (health green, requests answered 2xx again), and every write a client got a 2xx for
/// is in the database, once.
/// </summary>
internal static class PostgresRestartDrill
{
    public static async Task<Drill> RunAsync(DrillSettings settings)
    {
        var drill = new Drill("(c) PostgreSQL restarted under HTTP load, two hosts");
        await using var drilled = await ClusterHosts.StartAsync(settings.PgPort);
        var (cluster, factory, hosts) = (drilled.Cluster, drilled.Factory, drilled.Hosts);
        await HttpLoadBench.CascadeAllAsync(factory, hosts[0].Address, measures: 2);
        // One county task per agency here: half the users report progress on theirs, the other half complete theirs once.
        var users = await CountyUsers.CreateAsync(factory, hosts, settings.Users * 2, "drill");
        var reporters = users.Take(settings.Users).ToList();
        var completers = users.Skip(settings.Users).Select(u => u with { Complete = [.. u.Progress, .. u.Complete], Progress = [] }).ToList();
        var spread = settings.PgWarmUp + settings.PgDown + settings.PgAfter;
        drill.Did(Seconds($"own cluster on port {cluster.Port} (fsync, synchronous_commit, full_page_writes on); two hosts; 2 seed measures cascaded; {reporters.Count} county users reporting progress in a closed loop (100 ms pause), {completers.Count} completing their agency's task once each, spread over {spread.TotalSeconds:F0} s; users alternate between the hosts"));

        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var health = hosts.Select(h => new HealthWatch(h.Address, clock)).ToList();
        var watching = health.Select(h => h.RunAsync(stop.Token)).ToList();
        var running = AcknowledgedLoad.RunAsync(reporters, completers, clock, TimeSpan.FromMilliseconds(100), spread, stop.Token);

        await Task.Delay(settings.PgWarmUp);
        var stoppedAt = clock.Elapsed;
        await cluster.StopServerAsync();
        var downAt = clock.Elapsed;
        await Task.Delay(settings.PgDown);
        await cluster.StartServerAsync();
        var upAt = clock.Elapsed;
        drill.Did(Seconds($"load from 0 s; pg_ctl stop -m fast at {stoppedAt.TotalSeconds:F1} s (down at {downAt.TotalSeconds:F1} s), pg_ctl start done at {upAt.TotalSeconds:F1} s after {settings.PgDown.TotalSeconds:F0} s down; load kept on for {settings.PgAfter.TotalSeconds:F0} s more"));
        await Task.Delay(settings.PgAfter);
        await stop.CancelAsync();
        var load = await running;
        await Task.WhenAll(watching);

        var answers = load.Answers.ToList();
        var before = answers.Where(a => a.At < stoppedAt).ToList();
        var during = answers.Where(a => a.At >= downAt && a.At < upAt).ToList();
        var tail = answers.Where(a => a.At >= clock.Elapsed - TimeSpan.FromSeconds(20)).ToList();
        drill.Check("requests answered 2xx before the stop", before.Count > 0 && before.Count(a => a.Acknowledged) > 0,
            Seconds($"{before.Count(a => a.Acknowledged):N0} of {before.Count:N0}"));
        drill.Check("requests not answered 2xx while PostgreSQL was down (the outage was felt)", during.Count(a => !a.Acknowledged) > 0,
            Seconds($"{during.Count(a => !a.Acknowledged):N0} of {during.Count:N0} (statuses {Statuses(during)})"));
        foreach (var (watch, index) in health.Select((w, i) => (w, i + 1)))
        {
            var red = watch.FirstRed(downAt);
            var green = watch.FirstGreenSince(upAt);
            drill.Check($"host {index}: /health red while down, green again after the start without manual action", red is not null && green is not null,
                Seconds($"red at {red?.TotalSeconds:F1} s, green {(green is { } g ? $"{(g - upAt).TotalSeconds:F1} s after the start" : "never")}"));
            var host = hosts[index - 1].Address;
            var recovered = answers.Where(a => a.Host == host && a.At >= upAt && a.Acknowledged).Select(a => a.At).DefaultIfEmpty(TimeSpan.MaxValue).Min();
            var last = tail.Where(a => a.Host == host).ToList();
            drill.Check($"host {index}: requests answered 2xx again; in the last 20 s every one", last.Count > 0 && last.All(a => a.Acknowledged),
                Seconds($"first 2xx {(recovered == TimeSpan.MaxValue ? "never" : $"{(recovered - upAt).TotalSeconds:F1} s after the start")}; last 20 s {last.Count(a => a.Acknowledged):N0} of {last.Count:N0} (statuses {Statuses(last)})"));
        }
        await CheckWritesAsync(drill, factory, answers);
        drill.Check("outbox messages sharing a Message-ID or dedup key", 0, await CascadeKillDrill.OutboxDuplicatesAsync(factory));
        return drill;
    }

    /// <summary>Every acknowledged note journaled once, no note journaled twice; every acknowledged completion done, once.</summary>
    private static async Task CheckWritesAsync(Drill drill, Host.Storage.DbFactory factory, List<AcknowledgedLoad.Answer> answers)
    {
        await using var db = factory.Create();
        var journal = await db.Journal.AsNoTracking().Where(j => j.Kind == JournalKinds.TaskProgress).Select(j => j.DataJson).ToListAsync();
        var notes = journal.Select(d => JsonDocument.Parse(d).RootElement.GetProperty("note").GetString() ?? "")
            .Where(n => n.StartsWith("drill-c ", StringComparison.Ordinal)).GroupBy(n => n).ToDictionary(g => g.Key, g => g.Count());
        var acknowledged = answers.Where(a => a.Acknowledged && a.Kind == AcknowledgedLoad.Progress).Select(a => a.Note!).ToList();
        var sent = answers.Count(a => a.Kind == AcknowledgedLoad.Progress);
        drill.Check($"acknowledged progress reports missing from the journal (of {acknowledged.Count:N0} acknowledged, {sent:N0} sent)", 0,
            acknowledged.Count(n => !notes.ContainsKey(n)));
        drill.Check(Seconds($"progress notes journaled more than once (of {notes.Count:N0} journaled; {notes.Count - acknowledged.Count:N0} journaled without a 2xx)"), 0,
            notes.Count(n => n.Value > 1));
        var completed = answers.Where(a => a.Acknowledged && a.Kind == AcknowledgedLoad.Complete).Select(a => a.Task).ToHashSet();
        var done = await db.Tasks.AsNoTracking().Where(t => completed.Contains(t.Id) && t.Status == WorkTaskStatus.Completed).CountAsync();
        drill.Check($"acknowledged completions not Completed in the database (of {completed.Count:N0}, {answers.Count(a => a.Kind == AcknowledgedLoad.Complete):N0} sent)", 0,
            completed.Count - done);
        var twice = await db.Journal.AsNoTracking().Where(j => j.Kind == JournalKinds.TaskCompleted && j.TaskId != null)
            .GroupBy(j => j.TaskId).CountAsync(g => g.Count() > 1);
        drill.Check("tasks journaled as completed more than once", 0, twice);
    }

    private static string Statuses(IEnumerable<AcknowledgedLoad.Answer> answers) =>
        string.Join(", ", answers.GroupBy(a => a.Status).OrderBy(g => g.Key).Select(g => $"{(g.Key == 0 ? "no answer" : g.Key)}×{g.Count()}"));

    private static string Seconds(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    /// <summary>Polls a host's /health twice a second and keeps what it answered when.</summary>
    private sealed class HealthWatch(Uri host, Stopwatch clock)
    {
        private readonly ConcurrentQueue<(TimeSpan At, bool Green)> _seen = new();

        public async Task RunAsync(CancellationToken stop)
        {
            using var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(5) };
            while (!stop.IsCancellationRequested)
            {
                var green = false;
                try
                {
                    using var response = await client.GetAsync(new Uri("/health", UriKind.Relative), CancellationToken.None);
                    green = response.IsSuccessStatusCode;
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
                {
                    // No answer counts as red.
                }
                _seen.Enqueue((clock.Elapsed, green));
                try
                {
                    await Task.Delay(500, stop);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }

        public TimeSpan? FirstRed(TimeSpan since) => _seen.Where(s => s.At >= since && !s.Green).Select(s => (TimeSpan?)s.At).FirstOrDefault();

        /// <summary>The first green answer after which the host stayed green to the end.</summary>
        public TimeSpan? FirstGreenSince(TimeSpan since)
        {
            var after = _seen.Where(s => s.At >= since).ToList();
            var lastRed = after.FindLastIndex(s => !s.Green);
            return lastRed + 1 < after.Count ? after[lastRed + 1].At : null;
        }
    }
}
