using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Host.Auth.Tokens;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Auth;

/// <summary>
/// The whole app in process (WebApplicationFactory) on a temp SQLite file, with the Development demo accounts, one task
/// of ours (assigned to 上城区经信局 jx-330102, measure led by 省人社厅 rlsb-330000) and one foreign task (宁波市统战部
/// tz-330200, led by 省委统战部), each with an attachment. Tokens are minted straight into the database so the matrix
/// never meets the sign-in rate limit. <see cref="PostgresAuthApp"/> is the same app on a fresh PostgreSQL database.
/// </summary>
public class AuthApp : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("pf-auth-").FullName;
    private readonly Dictionary<string, (string Token, Guid Spare)> _tokens = new(StringComparer.Ordinal);
    private PostgresDatabase? _postgres;

    public AuthApp()
        : this("Sqlite")
    {
    }

    protected AuthApp(string provider) => Provider = provider;

    /// <summary>The storage provider the app runs on: <c>Sqlite</c> or <c>PostgreSql</c>.</summary>
    public string Provider { get; }

    public WebApplicationFactory<Program> Factory { get; private set; } = null!;
    public Guid OwnTask { get; private set; }
    public Guid ForeignTask { get; private set; }
    public Guid OwnInstance { get; private set; }
    public Guid ForeignInstance { get; private set; }
    public Guid OwnAttachment { get; private set; }
    public Guid ForeignAttachment { get; private set; }
    public string UploadsDirectory => Path.Combine(_directory, "uploads");

    /// <summary>An account the matrix locks, unlocks and revokes (<c>/api/users/{userName}/…</c>).</summary>
    public const string MatrixTarget = "matrix-target";

    public async Task InitializeAsync()
    {
        var connectionString = $"Data Source={Path.Combine(_directory, "pf.db")}";
        if (Provider == "PostgreSql")
        {
            _postgres = await PostgresServer.CreateDatabaseAsync("auth");
            connectionString = _postgres.ConnectionString;
        }
        Factory = new WebApplicationFactory<Program>().WithWebHostBuilder(b =>
        {
            b.UseEnvironment("Development");
            b.UseSetting("Storage:Provider", Provider);
            b.UseSetting("Storage:ConnectionString", connectionString);
            b.UseSetting("Authentication:UploadsDirectory", UploadsDirectory);
            b.UseSetting("Seed:LaunchPolicy", "false");
            b.UseSetting("Authentication:SignInPermitsPerMinute", "1000");
            b.UseSetting("Mail:PickupPath", Path.Combine(_directory, "mail"));
        });
        await WithServicesAsync(async services => (await services.GetRequiredService<UserManager<PolicyFlowUser>>().CreateAsync(
            new PolicyFlowUser { UserName = MatrixTarget, Email = "matrix-target@zj.gov.cn", AgencyId = "jx-330000", LockoutEnabled = true },
            "Matrix-Target-2026!")).Succeeded);
        using var admin = await ClientAsync("admin");
        (OwnInstance, OwnTask) = await LaunchAsync(admin, "auth-own", "jx-330102", "rlsb-330000");
        (ForeignInstance, ForeignTask) = await LaunchAsync(admin, "auth-foreign", "tz-330200", "tz-330000");
        OwnAttachment = await AttachAsync(admin, OwnTask);
        ForeignAttachment = await AttachAsync(admin, ForeignTask);
    }

    /// <summary>A client authenticated with a fresh token of <paramref name="userName"/>, or anonymous when null.</summary>
    public async Task<HttpClient> ClientAsync(string? userName)
    {
        var client = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        if (userName is not null)
        {
            client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", (await TokensOfAsync(userName)).Token);
        }
        return client;
    }

    /// <summary>A second token of the user, for the matrix to revoke.</summary>
    public async Task<Guid> SpareTokenAsync(string userName) => (await TokensOfAsync(userName)).Spare;

    public async Task<T> WithServicesAsync<T>(Func<IServiceProvider, Task<T>> work)
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider);
    }

    private async Task<(string Token, Guid Spare)> TokensOfAsync(string userName)
    {
        if (_tokens.TryGetValue(userName, out var known))
        {
            return known;
        }
        var tokens = await WithServicesAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<PolicyFlowUser>>().FindByNameAsync(userName)
                ?? throw new InvalidOperationException($"No demo account {userName}.");
            var db = services.GetRequiredService<AccountsDbContext>();
            var token = TokenFormat.NewToken();
            var spare = new PersonalAccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "spare", Hash = TokenFormat.Hash(TokenFormat.NewToken()), Prefix = "pf_spare", ExpiresAt = DateTimeOffset.MaxValue };
            db.AccessTokens.Add(new PersonalAccessToken { Id = Guid.NewGuid(), UserId = user.Id, Name = "matrix", Hash = TokenFormat.Hash(token), Prefix = token[..10], ExpiresAt = DateTimeOffset.MaxValue });
            db.AccessTokens.Add(spare);
            await db.SaveChangesAsync();
            return (token, spare.Id);
        });
        _tokens[userName] = tokens;
        return tokens;
    }

    private static async Task<(Guid Instance, Guid Task)> LaunchAsync(HttpClient admin, string id, string assignee, string lead)
    {
        var json = $$"""
        { "id": "{{id}}", "name": "{{id}}", "variables": [ { "name": "leadAgency", "type": "string", "default": "{{lead}}" } ],
          "activities": [ { "id": "start", "type": "Start" },
            { "id": "work", "type": "HumanTask", "properties": { "title": "Step of {{assignee}}", "assignee": "{{assignee}}" } },
            { "id": "end", "type": "End" } ],
          "connections": [ { "from": "start", "outcome": "Done", "to": "work" }, { "from": "work", "outcome": "Done", "to": "end" } ] }
        """;
        (await admin.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(json, Encoding.UTF8, "application/json"))).EnsureSuccessStatusCode();
        (await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).EnsureSuccessStatusCode();
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var instance = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tasks = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}"))!["items"]!.AsArray();
        return (instance, Assert.Single(tasks)!["id"]!.GetValue<Guid>());
    }

    /// <summary>A fresh task of jx-330102 (the fixture's own task may have been cancelled by the matrix).</summary>
    public async Task<Guid> NewOwnTaskAsync()
    {
        using var admin = await ClientAsync("admin");
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = "auth-own" });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var instance = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tasks = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}"))!["items"]!.AsArray();
        return Assert.Single(tasks)!["id"]!.GetValue<Guid>();
    }

    public static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid task, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        return await client.PostAsync($"/api/tasks/{task}/attachments", form);
    }

    private static async Task<Guid> AttachAsync(HttpClient admin, Guid task)
    {
        var response = await UploadAsync(admin, task, "evidence.txt", "佐证材料 evidence"u8.ToArray());
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        try
        {
            Directory.Delete(_directory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file for a moment; the temp folder is the OS's to clean.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class AuthCollection : ICollectionFixture<AuthApp>
{
    public const string Name = "Auth";
}

/// <summary>The same app, tasks and tokens on a fresh PostgreSQL database (POLICYFLOW_TEST_PG), dropped afterwards.</summary>
public sealed class PostgresAuthApp() : AuthApp("PostgreSql");

[CollectionDefinition(Name)]
public sealed class PostgresAuthCollection : ICollectionFixture<PostgresAuthApp>
{
    public const string Name = "Auth on PostgreSQL";
}
