using System.Collections.Concurrent;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Durability;

/// <summary>A host killed in the middle of work and started again: every instance continues from its last commit.</summary>
public sealed class HostCrashTests
{
    private static readonly string ForkJoin = File.ReadAllText(RepositoryRoot.Combine("workflows", "examples", "fork-join.json"));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task AHostKilledMidWork_RestartsWithEveryInstanceWhereItsLastCommitLeftIt(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var ids = Enumerable.Range(0, 120).Select(_ => Guid.NewGuid()).ToArray();

        await using (var first = await PolicyFlowProcess.StartAsync(storage.Environment))
        {
            using var client = await first.CreateSignedInClientAsync();
            (await client.PutAsync("/api/workflow-definitions/fork-join/draft", Json(ForkJoin))).EnsureSuccessStatusCode();
            (await client.PostAsync("/api/workflow-definitions/fork-join/publish", null)).EnsureSuccessStatusCode();

            // Launch and complete concurrently, and pull the plug while requests are in flight.
            var launched = new ConcurrentBag<Guid>();
            using var stop = new CancellationTokenSource();
            var work = Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 6, CancellationToken = stop.Token }, async (id, ct) =>
            {
                try
                {
                    var response = await client.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "fork-join", instanceId = id }, ct);
                    if (!response.IsSuccessStatusCode)
                    {
                        return;
                    }
                    launched.Add(id);
                    var tasks = await client.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}", ct);
                    var taskA = tasks!["items"]!.AsArray().First(t => t!["title"]!.GetValue<string>() == "Task A")!["id"]!.GetValue<string>();
                    await client.PostAsJsonAsync($"/api/tasks/{taskA}/complete", new { outcome = "Done" }, ct);
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException or OperationCanceledException)
                {
                    // The host died under this request; the client will retry after the restart.
                }
            });
            while (launched.Count < 40)
            {
                await Task.Delay(20);
            }
            await first.KillAsync();
            await stop.CancelAsync();
            try
            {
                await work;
            }
            catch (OperationCanceledException)
            {
                // Stopped on purpose.
            }
        }

        await using var second = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var api = await second.CreateSignedInClientAsync();
        // The client repeats every launch; those that committed before the crash are not launched again.
        foreach (var id in ids)
        {
            (await api.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "fork-join", instanceId = id })).EnsureSuccessStatusCode();
        }
        foreach (var id in ids)
        {
            var tasks = (await api.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={id}&all=true"))!["items"]!.AsArray();
            Assert.Equal(["Task A", "Task B"], tasks.Select(t => t!["title"]!.GetValue<string>()).Order());
            var journal = (await api.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal"))!;
            Assert.Single(journal, j => j!["kind"]!.GetValue<string>() == "InstanceLaunched");
            foreach (var task in tasks.Where(t => t!["status"]!.GetValue<string>() is "Open" or "Claimed"))
            {
                (await api.PostAsJsonAsync($"/api/tasks/{task!["id"]}/complete", new { outcome = "Done" })).EnsureSuccessStatusCode();
            }
        }
        var completed = (await api.GetFromJsonAsync<JsonObject>("/api/workflow-instances?status=Completed&take=500"))!;
        Assert.Equal(ids.Length, completed["total"]!.GetValue<int>());
        foreach (var id in ids.Take(20))
        {
            var journal = (await api.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{id}/journal"))!;
            Assert.Single(journal, j => j!["kind"]!.GetValue<string>() == "InstanceCompleted");
        }
    }

    private static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
