using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// A measure led by <c>lead</c> whose two agency tasks (20 calendar days, so with notice timers) run in parallel — what
/// the reading and extension tests need — and signing a demo account in on a <see cref="HostOn"/>.
/// </summary>
internal static class TwoAgencyMeasure
{
    /// <summary>Publishes and launches the measure; returns its instance and each assignee's task.</summary>
    public static async Task<(Guid Instance, Dictionary<string, Guid> Tasks)> LaunchAsync(HttpClient admin, string id, string lead, string first, string second)
    {
        var json = $$"""
        { "id": "{{id}}", "name": "{{id}}", "variables": [ { "name": "leadAgency", "type": "string", "default": "{{lead}}" } ],
          "activities": [ { "id": "start", "type": "Start" }, { "id": "fork", "type": "Fork" },
            { "id": "a", "type": "AssignTask", "properties": { "title": "{{first}} 落实", "assignee": "{{first}}", "due": { "days": 20, "unit": "calendar", "from": "created" } } },
            { "id": "b", "type": "AssignTask", "properties": { "title": "{{second}} 落实", "assignee": "{{second}}", "due": { "days": 20, "unit": "calendar", "from": "created" } } },
            { "id": "join", "type": "Join" }, { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "fork" }, { "from": "fork", "outcome": "A", "to": "a" },
            { "from": "fork", "outcome": "B", "to": "b" }, { "from": "a", "outcome": "Done", "to": "join" },
            { "from": "b", "outcome": "Done", "to": "join" }, { "from": "join", "outcome": "Done", "to": "end" } ] }
        """;
        var draft = await admin.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        (await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var instance = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tasks = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}&all=true"))!["items"]!.AsArray();
        return (instance, tasks.ToDictionary(t => t!["assignee"]!.GetValue<string>(), t => t!["id"]!.GetValue<Guid>()));
    }

    public static async Task<HttpClient> SignedInAsync(this HostOn host, string userName, string password = PolicyFlowAccounts.DemoPassword)
    {
        var client = host.Client();
        await PolicyFlowAccounts.SignInAsync(client, userName, password);
        return client;
    }
}
