using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench;

/// <summary>
/// Real host processes for the HTTP load and the fault drills: the seed policy imported and launched at start (its ten measures
/// come into force at once, so each waits on its plan task), sign-in throttling raised for the bench's own accounts.
/// </summary>
internal static class BenchHosts
{
    public const int Measures = 10;

    public static Dictionary<string, string> Environment(DbFactory factory, bool seed = true, IReadOnlyDictionary<string, string>? extra = null)
    {
        var environment = new Dictionary<string, string>
        {
            ["Storage__Provider"] = factory.Provider.ToString(),
            ["Storage__ConnectionString"] = factory.ConnectionString,
            ["Seed__ImportPolicy"] = seed ? "true" : "false",
            ["Seed__LaunchPolicy"] = seed ? "true" : "false",
            ["Authentication__SignInPermitsPerMinute"] = "10000",
        };
        foreach (var (key, value) in extra ?? new Dictionary<string, string>())
        {
            environment[key] = value;
        }
        return environment;
    }

    public static Task<PolicyFlowProcess> StartAsync(DbFactory factory, bool seed = true, IReadOnlyDictionary<string, string>? extra = null) =>
        PolicyFlowProcess.StartAsync(Environment(factory, seed, extra), healthyWithin: TimeSpan.FromMinutes(3));

    /// <summary>The open plan tasks (制定实施方案) of the seed measures, once all <see cref="Measures"/> are there.</summary>
    public static async Task<List<WorkTask>> PlanTasksAsync(DbFactory factory, TimeSpan within)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var db = factory.Create();
            var plans = await db.Tasks.AsNoTracking().Where(t => t.ActivityId == "plan").ToListAsync();
            if (plans.Count >= Measures || clock.Elapsed > within)
            {
                return plans;
            }
            await Task.Delay(200);
        }
    }

    /// <summary>A client signed in as <paramref name="userName"/> and holding a bearer token, as an API caller works.</summary>
    public static async Task<HttpClient> TokenClientAsync(Uri host, string userName, string password = PolicyFlowAccounts.DemoPassword)
    {
        using var signIn = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(60) };
        await PolicyFlowAccounts.SignInAsync(signIn, userName, password);
        var token = await PolicyFlowAccounts.CreateTokenAsync(signIn, "bench", 2);
        var client = new HttpClient { BaseAddress = host, Timeout = TimeSpan.FromSeconds(120) };
        PolicyFlowAccounts.UseToken(client, token);
        return client;
    }

    /// <summary>Completes a task through the API as its assignee's demo account (the plan tasks' leads are demo accounts).</summary>
    public static async Task<HttpResponseMessage> CompleteAsync(HttpClient client, Guid task, CancellationToken cancellationToken = default) =>
        await client.PostAsJsonAsync($"/api/tasks/{task}/complete", new JsonObject { ["outcome"] = "Done", ["comment"] = "方案已制定" }, cancellationToken);
}
