using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>
/// Where one request's time goes, after the HTTP load: each request type sent by one user, one at a time, on the quiet hosts —
/// its latency is the server's own time with no queue — and, on PostgreSQL with pg_stat_statements loaded, the SQL statements
/// (round trips) per request: the statements the database ran meanwhile, less the background's (timer pumps, outbox,
/// Hangfire) counted over the seconds just before.
/// </summary>
internal static class HttpProbe
{
    public sealed record Figure(string Kind, int Requests, double MedianMs, double P90Ms, double? Statements);

    public static async Task<List<Figure>> RunAsync(DbFactory factory, IReadOnlyList<CountyUsers.User> users, int requests = 40)
    {
        var statements = factory.Provider == StorageProvider.PostgreSql && await StatementsAvailableAsync(factory);
        var user = users[0];
        using var client = Client(user);
        var figures = new List<Figure>
        {
            await MeasureAsync(factory, statements, "GET /api/tasks?take=20 (inbox)", requests, _ => client.GetAsync(new Uri("/api/tasks?take=20", UriKind.Relative))),
            await MeasureAsync(factory, statements, "POST /api/tasks/{id}/progress", requests, i => client.PostAsJsonAsync($"/api/tasks/{user.Progress[0]}/progress",
                new JsonObject { ["note"] = $"probe {i}", ["percent"] = i })),
        };
        // Completions: the county tasks of the users' pools that the load left open, each completed by its agency's user.
        await using (var db = factory.Create())
        {
            var pools = users.SelectMany(u => u.Complete.Select(t => (Task: t, User: u))).ToList();
            var ids = pools.Select(p => p.Task).ToList();
            var open = (await db.Tasks.AsNoTracking().Where(t => ids.Contains(t.Id) && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed))
                .Select(t => t.Id).ToListAsync()).ToHashSet();
            var left = pools.Where(p => open.Contains(p.Task)).Take(requests).ToList();
            var clients = left.Select(p => p.User).Distinct().ToDictionary(u => u, Client);
            if (left.Count > 0)
            {
                figures.Add(await MeasureAsync(factory, statements, "POST /api/tasks/{id}/complete", left.Count, i => clients[left[i].User].PostAsJsonAsync(
                    $"/api/tasks/{left[i].Task}/complete", new JsonObject { ["outcome"] = "Done", ["comment"] = "已落实" })));
            }
            foreach (var c in clients.Values)
            {
                c.Dispose();
            }
        }
        return figures;
    }

    public static IEnumerable<string> Table(IReadOnlyList<Figure> figures) =>
    [
        "| request (one user, one at a time, after the load) | requests | median (ms) | p90 (ms) | SQL statements per request |",
        "|---|---|---|---|---|",
        .. figures.Select(f => string.Create(CultureInfo.InvariantCulture,
            $"| {f.Kind} | {f.Requests} | {f.MedianMs:F1} | {f.P90Ms:F1} | {(f.Statements is { } s ? s.ToString("F1", CultureInfo.InvariantCulture) : "not counted (no pg_stat_statements)")} |")),
    ];

    private static HttpClient Client(CountyUsers.User user)
    {
        var client = new HttpClient { BaseAddress = user.Host, Timeout = TimeSpan.FromSeconds(30) };
        Testing.PolicyFlowAccounts.UseToken(client, user.Token);
        return client;
    }

    private static async Task<Figure> MeasureAsync(DbFactory factory, bool statements, string kind, int requests, Func<int, Task<HttpResponseMessage>> send)
    {
        const double Background = 3;
        double? perRequest = null;
        var before = statements ? await CallsAsync(factory) : 0;
        var idle = Stopwatch.StartNew();
        if (statements)
        {
            await Task.Delay(TimeSpan.FromSeconds(Background));
        }
        var idleCalls = statements ? await CallsAsync(factory) - before - 1 : 0;
        var idleSeconds = idle.Elapsed.TotalSeconds;
        var latencies = new List<double>();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < requests; i++)
        {
            var one = Stopwatch.StartNew();
            using var response = await send(i);
            latencies.Add(one.Elapsed.TotalMilliseconds);
            if (!response.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"{kind}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            }
        }
        if (statements)
        {
            var during = await CallsAsync(factory) - before - idleCalls - 2;
            perRequest = (during - (idleCalls / idleSeconds * clock.Elapsed.TotalSeconds)) / requests;
        }
        latencies.Sort();
        return new Figure(kind, requests, Results.Percentile(latencies, 50), Results.Percentile(latencies, 90), perRequest);
    }

    private static async Task<bool> StatementsAvailableAsync(DbFactory factory)
    {
        try
        {
            await using var connection = new NpgsqlConnection(factory.ConnectionString);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand("CREATE EXTENSION IF NOT EXISTS pg_stat_statements; SELECT count(*) FROM pg_stat_statements", connection);
            await command.ExecuteScalarAsync();
            return true;
        }
        catch (PostgresException e) when (e.SqlState == "55000")
        {
            // Not in shared_preload_libraries (bench/run.sh http loads it).
            return false;
        }
    }

    /// <summary>Statements this database has run so far (this query itself is counted once it ends).</summary>
    private static async Task<long> CallsAsync(DbFactory factory)
    {
        await using var connection = new NpgsqlConnection(factory.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT coalesce(sum(calls), 0)::bigint FROM pg_stat_statements WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())", connection);
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
