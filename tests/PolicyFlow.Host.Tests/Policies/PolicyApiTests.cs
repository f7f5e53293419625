using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Policies;

/// <summary>The policy office's import and launch through the HTTP API of a real host (the seed is loaded at its start).</summary>
public sealed class PolicyApiTests
{
    public static TheoryData<string, string, HttpStatusCode, string> BadDocuments() => new()
    {
        { "no measures", "浙江省某厅关于做好有关工作的通知\n\n各市：\n请认真贯彻落实。\n\n2024年7月22日\n", HttpStatusCode.BadRequest, "NoMeasures" },
        { "truncated", "关于支持某项工作的若干措施\n\n一、总体要求\n\n（一）加强组织领导\n建立工作机制，明确责任分工。（省经信厅、省委人才办\n\n（二）强化要素保障\n加大", HttpStatusCode.BadRequest, "Truncated" },
        { "binary", "\u0000\u0001PK\u0003\u0004binary", HttpStatusCode.BadRequest, "Binary" },
        { "empty", "   \n\t  ", HttpStatusCode.BadRequest, "Empty" },
        // One byte over the parser's 10 MB: small enough to reach it (the request limit is 11 MB), so its own answer is checked.
        { "10 MB", new string('a', (10 * 1024 * 1024) + 1), HttpStatusCode.RequestEntityTooLarge, "" },
    };

    [Fact]
    public async Task ADocumentThatLooksCutOff_IsRefusedNamingTheLine_AndPreviewedWhenTheOfficeAllowsIt()
    {
        const string text = "1. 第一项。正文一。（省经信厅负责）\n2. 第二项。正文二。（省财政厅负责）\n3. 加强组织保障。各地要高度重视，确保各项措施落到实处。\n";
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var office = await host.CreateSignedInClientAsync("policy-office");

        var refused = await office.PostAsync("/api/policies/preview", new ByteArrayContent(Encoding.UTF8.GetBytes(text)));
        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        var problem = await refused.Content.ReadAsStringAsync();
        Assert.Contains("第 3 行", problem, StringComparison.Ordinal);
        Assert.Contains("AllowIncomplete", problem, StringComparison.Ordinal);

        var allowed = await office.PostAsync("/api/policies/preview?allowIncomplete=true", new ByteArrayContent(Encoding.UTF8.GetBytes(text)));
        Assert.True(allowed.IsSuccessStatusCode, await allowed.Content.ReadAsStringAsync());
        var preview = await allowed.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal(2, preview!["measures"]!.AsArray().Count);
    }

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task ABadDocument_GetsAClearError_AndNothingIsStored(string defect, string text, HttpStatusCode status, string reason)
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var office = await host.CreateSignedInClientAsync("policy-office");
        var before = await office.GetFromJsonAsync<JsonArray>("/api/policies");

        var preview = await office.PostAsync("/api/policies/preview", new ByteArrayContent(Encoding.UTF8.GetBytes(text)));
        var create = await office.PostAsJsonAsync("/api/policies", new { text });

        foreach (var response in new[] { preview, create })
        {
            Assert.True(status == response.StatusCode, $"{defect}: {response.StatusCode} {await response.Content.ReadAsStringAsync()}");
            var problem = await response.Content.ReadFromJsonAsync<JsonObject>();
            Assert.False(string.IsNullOrWhiteSpace(problem!["detail"]?.GetValue<string>()), defect);
            if (reason.Length > 0)
            {
                Assert.Equal(reason, problem["reason"]?.GetValue<string>());
            }
        }
        var after = await office.GetFromJsonAsync<JsonArray>("/api/policies");
        Assert.Equal(before!.Count, after!.Count);
    }

    [Fact]
    public async Task LaunchingTheSeedThroughTheApi_GivesEachMeasureItsLead_CoAgencies_ElevenCities_AndNinetyCounties()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var office = await host.CreateSignedInClientAsync("policy-office");
        using var admin = await host.CreateSignedInClientAsync("admin");

        var policy = await office.GetFromJsonAsync<JsonObject>("/api/policies/p2024-151-d27fde");
        Assert.Equal("浙经信人事〔2024〕151号", policy!["documentNumber"]!.GetValue<string>());
        Assert.Equal("2024-08-21", policy["effectiveOn"]!.GetValue<string>());
        var launched = await (await office.PostAsync("/api/policies/p2024-151-d27fde/launch", null)).Content.ReadFromJsonAsync<JsonArray>();
        var again = await (await office.PostAsync("/api/policies/p2024-151-d27fde/launch", null)).Content.ReadFromJsonAsync<JsonArray>();
        Assert.Equal(10, launched!.Count);
        Assert.Equal(launched.Select(i => i!["id"]!.GetValue<string>()), again!.Select(i => i!["id"]!.GetValue<string>()));

        // In force since 2024: each lead agency has its plan task; doing it starts the co-agencies and the cascade.
        var measures = policy["measures"]!.AsArray();
        foreach (var measure in measures)
        {
            var correlation = $"p2024-151-d27fde/m{measure!["number"]!.GetValue<int>():00}";
            var plan = Assert.Single(await TasksAsync(admin, correlation), t => Step(t) == "plan");
            Assert.Equal(measure["leadAgencyId"]!.GetValue<string>(), plan["assignee"]!.GetValue<string>());
            (await admin.PostAsJsonAsync($"/api/tasks/{plan["id"]}/complete", new { outcome = "Done" })).EnsureSuccessStatusCode();

            var tasks = (await TasksAsync(admin, correlation)).Where(t => Step(t) is not ("plan" or "monthly")).ToList();
            var co = measure["coAgencyIds"]!.AsArray().Select(c => c!.GetValue<string>()).Order();
            Assert.Equal(co, tasks.Where(t => Step(t) == "co").Select(t => t["assignee"]!.GetValue<string>()).Order());
            Assert.Equal(11, tasks.Count(t => Step(t) == "city"));
            Assert.Equal(90, tasks.Count(t => Step(t) == "county"));
        }
    }

    private static async Task<List<JsonNode>> TasksAsync(HttpClient client, string correlationId)
    {
        var page = await client.GetFromJsonAsync<JsonObject>($"/api/tasks?correlationId={Uri.EscapeDataString(correlationId)}&take=500");
        return [.. page!["items"]!.AsArray().Select(t => t!)];
    }

    private static string Step(JsonNode task) => task["facts"]?["step"]?.GetValue<string>() ?? "";
}
