using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench;

/// <summary>
/// County users for the HTTP load and the drills: AgencyStaff accounts created through <c>POST /api/users</c> over the county
/// agencies that hold open county tasks (one user per agency while there are agencies enough), each signed in once and given a
/// personal access token. A user reports progress on its agency's first task and completes the others (its pool).
/// </summary>
internal static class CountyUsers
{
    public const string Password = "Bench-Load-2024!";

    public sealed record User(string Name, string Token, Uri Host, List<Guid> Progress, List<Guid> Complete);

    /// <summary>Creates <paramref name="count"/> users, user u talking to host u mod the number of hosts; ordered by u.</summary>
    public static async Task<List<User>> CreateAsync(DbFactory factory, IReadOnlyList<PolicyFlowProcess> hosts, int count, string prefix = "load")
    {
        using var admin = await BenchHosts.TokenClientAsync(hosts[0].Address, "admin");
        List<IGrouping<string, Guid>> agencies;
        await using (var db = factory.Create())
        {
            var county = await db.Tasks.AsNoTracking()
                .Where(t => t.ActivityId == "county-task" && (t.Status == WorkTaskStatus.Open || t.Status == WorkTaskStatus.Claimed))
                .Select(t => new { t.Id, t.Assignee }).ToListAsync();
            agencies = [.. county.GroupBy(t => t.Assignee, t => t.Id).OrderBy(g => g.Key, StringComparer.Ordinal)];
            Console.WriteLine($"{county.Count} open county tasks over {agencies.Count} agencies");
        }
        var made = new ConcurrentDictionary<int, User>();
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (u, ct) =>
        {
            var agency = agencies[u % agencies.Count];
            var name = $"{prefix}-{u:000}";
            var created = await admin.PostAsJsonAsync("/api/users", new
            {
                userName = name, email = $"{name}@county.bench.local", agencyId = agency.Key, role = "AgencyStaff", displayName = name, password = Password,
            }, ct);
            if (!created.IsSuccessStatusCode)
            {
                throw new InvalidOperationException($"POST /api/users {name}: {(int)created.StatusCode} {await created.Content.ReadAsStringAsync(ct)}");
            }
            var tasks = agency.Order().ToList();
            var host = hosts[u % hosts.Count].Address;
            using var client = await BenchHosts.TokenClientAsync(host, name, Password);
            var inbox = await client.GetFromJsonAsync<JsonObject>("/api/tasks?take=50", ct);
            if (inbox!["total"]!.GetValue<int>() < tasks.Count)
            {
                throw new InvalidOperationException($"{name} sees {inbox["total"]} tasks in the inbox, not the {tasks.Count} of {agency.Key}.");
            }
            made[u] = new User(name, client.DefaultRequestHeaders.Authorization!.Parameter!, host, tasks.Take(1).ToList(), tasks.Skip(1).ToList());
        });
        return [.. made.OrderBy(m => m.Key).Select(m => m.Value)];
    }
}
