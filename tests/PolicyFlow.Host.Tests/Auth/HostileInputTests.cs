using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Auth;

/// <summary>Hostile input against the real host on Kestrel: refused, or stored and shown back inert — and nothing else changes.</summary>
public sealed class HostileInputTests : IAsyncLifetime
{
    private TestStorage _storage = null!;
    private PolicyFlowProcess _host = null!;
    private HttpClient _admin = null!;
    private Guid _task;

    public async Task InitializeAsync()
    {
        _storage = await TestStorage.CreateAsync("Sqlite");
        var environment = new Dictionary<string, string>(_storage.Environment) { ["Seed__ImportPolicy"] = "false" };
        _host = await PolicyFlowProcess.StartAsync(environment);
        // One sign-in, traded for a token: the rest of the class never touches the rate-limited sign-in.
        using (var signedIn = await _host.CreateSignedInClientAsync())
        {
            _admin = _host.CreateClient();
            PolicyFlowAccounts.UseToken(_admin, await PolicyFlowAccounts.CreateTokenAsync(signedIn));
        }
        const string json = """
        { "id": "hostile", "name": "hostile", "activities": [ { "id": "start", "type": "Start" },
            { "id": "work", "type": "HumanTask", "properties": { "title": "上城区 step", "assignee": "jx-330102" } }, { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "work" }, { "from": "work", "outcome": "Done", "to": "end" } ] }
        """;
        (await _admin.PutAsync("/api/workflow-definitions/hostile/draft", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await _admin.PostAsync("/api/workflow-definitions/hostile/publish", null)).EnsureSuccessStatusCode();
        var instance = await (await _admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "hostile" })).Content.ReadFromJsonAsync<JsonObject>();
        var tasks = await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance!["id"]}");
        _task = tasks!["items"]![0]!["id"]!.GetValue<Guid>();
    }

    [Fact]
    public async Task FiftyMegabyteBody_IsRefusedWith413_AndLaunchesNothing()
    {
        var before = await CountAsync("/api/workflow-instances");
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/workflow-instances") { Content = new ByteArrayContent(new byte[50 * 1024 * 1024]) };
        request.Content.Headers.ContentType = new("application/json");
        request.Headers.ExpectContinue = true;

        using var response = await _admin.SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(before, await CountAsync("/api/workflow-instances"));
    }

    [Fact]
    public async Task UploadNamedWithDotDot_IsStoredUnderAGeneratedNameInsideUploads_AndARenamedProgramIsRefused()
    {
        var uploads = Path.Combine(Path.GetDirectoryName(DatabaseFile())!, "uploads");

        var stored = await UploadAsync("../../../../tmp/evil.txt", "佐证 evidence"u8.ToArray());
        var program = await UploadAsync("report.pdf", [(byte)'M', (byte)'Z', 0x90, 0x00, 0x03]);
        var html = await UploadAsync("page.txt.html", "<html><script>alert(1)</script></html>"u8.ToArray());

        Assert.Equal(HttpStatusCode.Created, stored.StatusCode);
        var body = await stored.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("evil.txt", body!["fileName"]!.GetValue<string>());
        var file = Assert.Single(Directory.GetFiles(uploads, "*", SearchOption.AllDirectories));
        Assert.Equal(body["id"]!.GetValue<Guid>().ToString("N"), Path.GetFileName(file));
        Assert.False(File.Exists("/tmp/evil.txt") && File.ReadAllText("/tmp/evil.txt").Contains("佐证", StringComparison.Ordinal));
        Assert.Empty(Directory.GetFiles(Path.GetDirectoryName(DatabaseFile())!, "evil*", SearchOption.AllDirectories));
        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (program.StatusCode, html.StatusCode));
        var download = await _admin.GetAsync($"/api/tasks/{_task}/attachments/{body["id"]}");
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("佐证 evidence", await download.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task SqlLikeStrings_InQueriesAndBodies_MatchNothingAndChangeNothing()
    {
        const string injection = "' OR '1'='1'; DROP TABLE pf_tasks; --";
        var before = await CountAsync("/api/tasks?all=true");

        var byAssignee = await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks?assignee={Uri.EscapeDataString(injection)}");
        var agencies = await _admin.GetFromJsonAsync<JsonArray>($"/api/agencies?q={Uri.EscapeDataString(injection)}");
        var audit = await _admin.GetAsync($"/api/audit?user={Uri.EscapeDataString(injection)}");
        using var anonymous = _host.CreateClient();
        var login = await anonymous.PostAsJsonAsync("/api/account/login", new { userName = "admin' --", password = injection });
        var progress = await _admin.PostAsJsonAsync($"/api/tasks/{_task}/progress", new { note = injection, percent = 10 });

        Assert.Equal(0, byAssignee!["total"]!.GetValue<int>());
        Assert.Empty(agencies!);
        Assert.Equal(HttpStatusCode.OK, audit.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.True(progress.IsSuccessStatusCode, await progress.Content.ReadAsStringAsync());
        Assert.Equal(before, await CountAsync("/api/tasks?all=true"));
        var journal = await _admin.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{await InstanceOfTaskAsync()}/journal");
        Assert.Contains(journal!, j => j!["data"]?["note"]?.GetValue<string>() == injection);
    }

    [Fact]
    public async Task ScriptInATextField_IsStoredAsWritten_AndComesBackJsonEncoded()
    {
        const string script = "<script>alert('pf')</script><img src=x onerror=alert(1)>";

        (await _admin.PostAsJsonAsync($"/api/tasks/{_task}/progress", new { note = script })).EnsureSuccessStatusCode();
        var raw = await _admin.GetStringAsync($"/api/workflow-instances/{await InstanceOfTaskAsync()}/journal");

        Assert.DoesNotContain("<script>", raw, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", raw, StringComparison.Ordinal);
        Assert.Contains("\\u003Cscript\\u003E", raw, StringComparison.Ordinal);
        Assert.Contains(JsonNode.Parse(raw)!.AsArray(), j => j!["data"]?["note"]?.GetValue<string>() == script);
    }

    [Fact]
    public async Task SignIn_MoreThanTenTimesAMinuteFromOneAddress_IsAnswered429()
    {
        using var client = _host.CreateClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/account/login", new { userName = "nobody", password = "wrong-password" })).StatusCode);
        }

        // The class's own sign-in took one permit of the ten.
        Assert.All(statuses.Take(9), s => Assert.Equal(HttpStatusCode.Unauthorized, s));
        Assert.All(statuses.Skip(9), s => Assert.Equal(HttpStatusCode.TooManyRequests, s));
    }

    private string DatabaseFile() => _storage.Environment["Storage__ConnectionString"]["Data Source=".Length..];

    private async Task<HttpResponseMessage> UploadAsync(string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", fileName);
        return await _admin.PostAsync($"/api/tasks/{_task}/attachments", form);
    }

    private async Task<int> CountAsync(string path) => (await _admin.GetFromJsonAsync<JsonObject>(path))!["total"]!.GetValue<int>();

    private async Task<Guid> InstanceOfTaskAsync() => (await _admin.GetFromJsonAsync<JsonObject>($"/api/tasks/{_task}"))!["instanceId"]!.GetValue<Guid>();

    public async Task DisposeAsync()
    {
        _admin?.Dispose();
        await _host.DisposeAsync();
        await _storage.DisposeAsync();
    }
}
