using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyFlow.Engine.Timers;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// M6: the host started on a database with a million pending timers (bulk-loaded: COPY on PostgreSQL, one prepared insert in one
/// transaction on SQLite) — time to /health (which waits for the timer pump's first look) and to the first due timer firing.
/// </summary>
internal static class ColdStartBench
{
    private const int Due = 10;

    public static async Task RunAsync(string[] providers, int timers, string command)
    {
        var lines = new List<string>
        {
            $"{timers:N0} pending reminder timers of one waiting county task, due over the next 30 days, and {Due} more already due; bulk-loaded",
            "while no host runs (COPY on PostgreSQL, one prepared INSERT in one transaction on SQLite). The host had started once on the database",
            "before (its schema, Hangfire's and the accounts' exist), so this is a restart. Time to healthy = process start → first 200 from /health",
            "(database answers, the timer pump has looked); first due timer = healthy → the first of the due timers fired (polled every 20 ms).",
            "Targets: healthy ≤ 5 s, first due timer ≤ 1 s after that.",
            "",
            "Time to healthy without the timers = the same restart on the same database just before the timers were loaded (the host's own start).",
            "",
            "| provider | pending timers | load (s, not measured) | time to healthy without the timers (s) | time to healthy (s) | ≤ 5 s? | first due timer after healthy (s) | ≤ 1 s? |",
            "|---|---|---|---|---|---|---|---|",
        };
        foreach (var provider in providers)
        {
            await using var storage = await BenchStorage.CreateAsync(provider);
            var factory = storage.Factory;
            var (instance, task, _) = await HostUnderTest.LaunchCountyAsync(factory);
            await using (await HostUnderTest.StartAsync(factory))
            {
                // The first start creates the host's other schemas; the measured start is a restart.
            }
            // The same restart before the timers are loaded: what of the time to healthy is the host's own start.
            var bare = Stopwatch.StartNew();
            await using (await HostUnderTest.StartAsync(factory))
            {
            }
            var bareHealthy = bare.Elapsed.TotalSeconds;
            var load = Stopwatch.StartNew();
            var now = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds();
            await LoadAsync(factory, instance, task, timers, now);
            var loadSeconds = load.Elapsed.TotalSeconds;
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            NpgsqlConnection.ClearAllPools();

            var clock = Stopwatch.StartNew();
            await using var host = await HostUnderTest.StartAsync(factory);
            var healthy = clock.Elapsed.TotalSeconds;
            double? first = null;
            while (clock.Elapsed < TimeSpan.FromSeconds(healthy + 120))
            {
                await using var db = factory.Create();
                if (await db.Timers.AnyAsync(t => t.Status == TimerStatus.Fired && t.DueAt <= DateTimeOffset.FromUnixTimeMilliseconds(now)))
                {
                    first = clock.Elapsed.TotalSeconds - healthy;
                    break;
                }
                await Task.Delay(20);
            }
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{provider}: loaded in {loadSeconds:F0} s, healthy in {healthy:F2} s (without the timers {bareHealthy:F2} s), first due timer +{first:F2} s"));
            lines.Add(string.Create(CultureInfo.InvariantCulture,
                $"| {provider} | {timers:N0} | {loadSeconds:F0} | {bareHealthy:F2} | {healthy:F2} | {(healthy <= 5 ? "met" : "**no**")} | {(first is { } f ? f.ToString("F2", CultureInfo.InvariantCulture) : "none in 120 s")} | {(first <= 1 ? "met" : "**no**")} |"));
        }
        Results.Append("Cold start with a million pending timers (issue 14 M6)", command, lines);
    }

    /// <summary>Bulk-loads <paramref name="timers"/> future reminders and <paramref name="due"/> already due (the timer drill loads due ones only).</summary>
    internal static async Task LoadAsync(DbFactory factory, Guid instance, Guid task, int timers, long now, int due = Due)
    {
        const string Columns = "\"Id\", \"InstanceId\", \"TaskId\", \"Kind\", \"DueAt\", \"Status\", \"CreatedAt\", \"PayloadJson\"";
        var day = TimeSpan.FromDays(30).TotalMilliseconds;
        long DueAt(int i) => i < due ? now - 1000 + i : now + 60_000 + (long)(day * i / timers);
        if (factory.Provider == StorageProvider.PostgreSql)
        {
            await using var connection = new NpgsqlConnection(factory.ConnectionString);
            await connection.OpenAsync();
            await using var writer = await connection.BeginTextImportAsync($"COPY pf_timers ({Columns}) FROM STDIN");
            for (var i = 0; i < timers + due; i++)
            {
                await writer.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"{Guid.NewGuid()}\t{instance}\t{task}\tReminder\t{DueAt(i)}\tPending\t{now}\t{{}}"));
            }
            return;
        }
        await using var sqlite = new SqliteConnection(factory.ConnectionString);
        await sqlite.OpenAsync();
        await using var transaction = sqlite.BeginTransaction();
        await using var insert = sqlite.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = $"INSERT INTO pf_timers ({Columns}) VALUES ($id, $instance, $task, 'Reminder', $due, 'Pending', $now, '{{}}')";
        var id = insert.Parameters.Add("$id", SqliteType.Text);
        insert.Parameters.AddWithValue("$instance", instance.ToString().ToUpperInvariant());
        insert.Parameters.AddWithValue("$task", task.ToString().ToUpperInvariant());
        var dueAt = insert.Parameters.Add("$due", SqliteType.Integer);
        insert.Parameters.AddWithValue("$now", now);
        await insert.PrepareAsync();
        for (var i = 0; i < timers + due; i++)
        {
            id.Value = Guid.NewGuid().ToString().ToUpperInvariant();
            dueAt.Value = DueAt(i);
            await insert.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
