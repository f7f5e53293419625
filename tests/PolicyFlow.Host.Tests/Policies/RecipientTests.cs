using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Policies;

public sealed class RecipientTests
{
    private const string Step = """
    { "id": "one-step", "name": "One agency step",
      "activities": [ { "id": "start", "type": "Start" },
        { "id": "task", "type": "AssignTask", "properties": { "assignee": "jx-330102", "title": "落实并报告", "step": "county" } } ],
      "connections": [ { "from": "start", "outcome": "Done", "to": "task" } ] }
    """;

    [Fact]
    public async Task ATaskAssignment_IsMailedToTheAgencysContactAddress_AndToItsUsers()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var admin = await host.CreateSignedInClientAsync("admin");
        (await admin.PutAsync("/api/workflow-definitions/one-step/draft", new StringContent(Step, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await admin.PostAsync("/api/workflow-definitions/one-step/publish", null)).EnsureSuccessStatusCode();
        var instance = await (await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "one-step" })).Content.ReadFromJsonAsync<JsonObject>();

        var outbox = await admin.GetFromJsonAsync<JsonObject>("/api/outbox?take=500");
        var assigned = outbox!["items"]!.AsArray()
            .Where(m => m!["kind"]!.GetValue<string>() == "TaskAssigned" && m["subject"]!.GetValue<string>().Contains("落实并报告", StringComparison.Ordinal))
            .Select(m => m!["to"]!.GetValue<string>()).Order().ToList();

        Assert.NotNull(instance);
        // The directory's contact address (until an administrator sets one) and the demo user of 上城区经信局.
        Assert.Equal(["jx-330102@agencies.policyflow.local", "jx-330102@demo.policyflow.local"], assigned);
    }
}
