using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 4: who decides an extension (延期). A measure led by 省经信厅 with a co-agency 省人力社保厅: the lead decides the
/// co-agency's request; the lead's own task is decided by the policy office or leadership; nobody decides their own.
/// </summary>
public sealed class ExtensionDecisionTests
{
    private const string SecondLeadUser = "jx-330000-deputy";
    private const string Password = "Deputy-Pass-2026!";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task TheRequesterNeverDecides_TheLeadsOwnTaskGoesToThePolicyOffice_TheLeadDecidesItsCoAgencies(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var host = HostOn.Start("Development", storage.Environment, new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        await host.CreateUserAsync(SecondLeadUser, Password, "AgencyStaff");
        using var admin = await host.SignedInAsync("admin");
        var (_, tasks) = await TwoAgencyMeasure.LaunchAsync(admin, "extensions", "jx-330000", "jx-330000", "rlsb-330000");
        using var lead = await host.SignedInAsync("jx-330000");
        using var deputy = await host.SignedInAsync(SecondLeadUser, Password);
        using var coAgency = await host.SignedInAsync("rlsb-330000");
        using var office = await host.SignedInAsync("policy-office");

        // The lead agency's own task: another of its staff may not approve it; the policy office does.
        var own = await AskAsync(lead, tasks["jx-330000"]);
        await AssertRefusedAsync(lead, tasks["jx-330000"], own, "本人");
        await AssertRefusedAsync(deputy, tasks["jx-330000"], own, "政策办或领导");
        Assert.Equal("Approved", await DecideAsync(office, tasks["jx-330000"], own));

        // A co-agency's task: the lead decides, the policy office does not, the co-agency not its own.
        var co = await AskAsync(coAgency, tasks["rlsb-330000"]);
        await AssertRefusedAsync(coAgency, tasks["rlsb-330000"], co, null);
        await AssertRefusedAsync(office, tasks["rlsb-330000"], co, "牵头单位");
        Assert.Equal("Approved", await DecideAsync(deputy, tasks["rlsb-330000"], co));

        // An administrator acting for an agency does not approve their own request either.
        var byAdmin = await AskAsync(admin, tasks["rlsb-330000"]);
        await AssertRefusedAsync(admin, tasks["rlsb-330000"], byAdmin, "本人");
        var extensions = (await admin.GetFromJsonAsync<JsonArray>($"/api/tasks/{tasks["rlsb-330000"]}/extensions"))!;
        Assert.Equal(["Approved", "Pending"], extensions.Select(e => e!["status"]!.GetValue<string>()));
        // Every refusal is audited.
        var audit = (await admin.GetFromJsonAsync<JsonObject>("/api/audit?refused=true&take=200"))!["items"]!.AsArray();
        Assert.Equal(4, audit.Count(a => a!["method"]!.GetValue<string>() == "extension.decide"));
    }

    [Fact]
    public async Task TheUpperBound_IsASetting_CheckedAtStart_AndFarDatesAre400()
    {
        var directory = HostOn.NewDirectory();
        Assert.ThrowsAny<Exception>(() => HostOn.Start("Development", directory, new Dictionary<string, string?> { ["Deadlines:MaxExtensionDays"] = "0" }));
        await using var host = HostOn.Start("Development", directory, new Dictionary<string, string?>
        {
            ["Seed:LaunchPolicy"] = "false", ["Deadlines:MaxExtensionDays"] = "30",
        });
        using var admin = await host.SignedInAsync("admin");
        var task = (await TwoAgencyMeasure.LaunchAsync(admin, "extensions", "jx-330000", "jx-330000", "rlsb-330000")).Tasks["rlsb-330000"];
        using var coAgency = await host.SignedInAsync("rlsb-330000");
        var due = (await coAgency.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!["due"]!["dueAt"]!.GetValue<DateTimeOffset>();

        var tooFar = await coAgency.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueAt = due.AddDays(31), reason = "材料未齐" });
        Assert.Equal(HttpStatusCode.BadRequest, tooFar.StatusCode);
        Assert.Contains("30", await tooFar.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        foreach (var date in new[] { "9999-12-31", "9999-12-30" })
        {
            Assert.Equal(HttpStatusCode.BadRequest, (await coAgency.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueDate = date, reason = "x" })).StatusCode);
        }
        Assert.Equal(HttpStatusCode.BadRequest, (await coAgency.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueAt = "9999-12-31T23:59:59+00:00", reason = "x" })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await coAgency.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueAt = due.AddDays(30), reason = "材料未齐" })).StatusCode);
    }

    private static async Task<Guid> AskAsync(HttpClient client, Guid task)
    {
        var due = (await client.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!["due"]!["dueAt"]!.GetValue<DateTimeOffset>();
        var asked = await client.PostAsJsonAsync($"/api/tasks/{task}/extensions", new { newDueAt = due.AddDays(10), reason = "需等待省级数据" });
        Assert.True(asked.StatusCode == HttpStatusCode.Created, await asked.Content.ReadAsStringAsync());
        return (await asked.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    private static async Task<string> DecideAsync(HttpClient client, Guid task, Guid request)
    {
        var decided = await client.PostAsJsonAsync($"/api/tasks/{task}/extensions/{request}/decision", new { approve = true, comment = "同意" });
        Assert.True(decided.IsSuccessStatusCode, await decided.Content.ReadAsStringAsync());
        return (await decided.Content.ReadFromJsonAsync<JsonObject>())!["status"]!.GetValue<string>();
    }

    private static async Task AssertRefusedAsync(HttpClient client, Guid task, Guid request, string? because)
    {
        var refused = await client.PostAsJsonAsync($"/api/tasks/{task}/extensions/{request}/decision", new { approve = true, comment = "同意" });
        var body = await refused.Content.ReadAsStringAsync();
        Assert.True(refused.StatusCode == HttpStatusCode.Forbidden, $"{(int)refused.StatusCode} {body}");
        if (because is not null)
        {
            Assert.Contains(because, body, StringComparison.Ordinal);
        }
    }
}
