using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Auth;

/// <summary>Passwords with lockout, the cookie, personal access tokens and the audit trail.</summary>
[Collection(AuthCollection.Name)]
public sealed class SignInTests(AuthApp app)
{
    [Fact]
    public async Task SignIn_AfterFiveWrongPasswords_RefusesEvenTheRightOneForFifteenMinutes()
    {
        await CreateUserAsync("lockout-victim", "Right-Password-1");
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "lockout-victim", "wrong-password")).StatusCode);
        }
        var right = await LoginAsync(client, "lockout-victim", "Right-Password-1");

        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        var lockoutEnd = await app.WithServicesAsync(async s =>
            (await s.GetRequiredService<UserManager<PolicyFlowUser>>().FindByNameAsync("lockout-victim"))!.LockoutEnd);
        Assert.NotNull(lockoutEnd);
        Assert.InRange(lockoutEnd.Value - DateTimeOffset.UtcNow, TimeSpan.FromMinutes(14), TimeSpan.FromMinutes(15.1));
    }

    [Fact]
    public async Task SignIn_SetsAnHttpOnlySameSiteStrictCookie_ThatTheApiAccepts()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        var response = await LoginAsync(client, "jx-330102", PolicyFlowAccounts.DemoPassword);

        response.EnsureSuccessStatusCode();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pf.auth=", StringComparison.Ordinal));
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("samesite=strict", cookie, StringComparison.OrdinalIgnoreCase);
        var me = await client.GetFromJsonAsync<JsonObject>("/api/users/me");
        Assert.Equal("jx-330102", me!["agencyId"]!.GetValue<string>());
        Assert.Equal("AgencyStaff", me["roles"]![0]!.GetValue<string>());
    }

    [Fact]
    public async Task SignIn_AsAFormPost_IsRefused_SoACrossSiteFormCannotSignAnyoneIn()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["userName"] = "admin", ["password"] = PolicyFlowAccounts.DemoPassword });

        var response = await client.PostAsync("/api/account/login", form);

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.False(response.Headers.Contains("Set-Cookie"));
    }

    [Fact]
    public async Task AccessToken_RevokedWithDelete_StopsWorkingOnTheVeryNextRequest()
    {
        using var signedIn = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true });
        PolicyFlowAccounts.UseOwnOrigin(signedIn);
        (await LoginAsync(signedIn, "kj-330000", PolicyFlowAccounts.DemoPassword)).EnsureSuccessStatusCode();
        var created = await (await signedIn.PostAsJsonAsync("/api/users/me/tokens", new { name = "ci", expiresInDays = 7 })).Content.ReadFromJsonAsync<JsonObject>();
        var token = created!["token"]!.GetValue<string>();
        using var bearer = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false });
        PolicyFlowAccounts.UseToken(bearer, token);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/users/me")).StatusCode);

        (await signedIn.DeleteAsync($"/api/users/me/tokens/{created["id"]}")).EnsureSuccessStatusCode();

        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/users/me")).StatusCode);
        var stored = await app.WithServicesAsync(s => s.GetRequiredService<AccountsDbContext>().AccessTokens.AsNoTracking().SingleAsync(t => t.Id == created["id"]!.GetValue<Guid>()));
        Assert.NotEqual(token, stored.Hash);
        Assert.DoesNotContain(token[10..], stored.Hash, StringComparison.Ordinal);
        Assert.NotNull(stored.RevokedAt);
    }

    [Fact]
    public async Task Audit_RecordsChangesAndRefusalsWithUserAndAddress_AndOnlyAdministratorsReadIt()
    {
        using var staff = await app.ClientAsync("kj-330000");
        using var admin = await app.ClientAsync("admin");
        await staff.PostAsync($"/api/tasks/{app.OwnTask}/claim", null);
        await admin.PutAsJsonAsync("/api/agencies/jx-330102/contact", new { email = "sc-jx@zj.gov.cn" });

        Assert.Equal(HttpStatusCode.Forbidden, (await staff.GetAsync("/api/audit")).StatusCode);
        var mine = await admin.GetFromJsonAsync<JsonObject>("/api/audit?user=kj-330000&take=500");
        var refused = mine!["items"]!.AsArray().First(e => e!["path"]!.GetValue<string>() == $"/api/tasks/{app.OwnTask}/claim")!;
        Assert.Equal((404, true, "POST"), (refused["status"]!.GetValue<int>(), refused["refused"]!.GetValue<bool>(), refused["method"]!.GetValue<string>()));
        var changes = await admin.GetFromJsonAsync<JsonObject>("/api/audit?user=admin&refused=false&take=500");
        // The contact edit is a use case: its entry names the operation and its subject, as the Studio's edit does.
        var change = changes!["items"]!.AsArray().First(e => e!["path"]!.GetValue<string>() == "/agencies/jx-330102/contact")!;
        Assert.Equal(("agency.contact", 200), (change["method"]!.GetValue<string>(), change["status"]!.GetValue<int>()));
        Assert.NotNull(change["at"]);
    }

    [Fact]
    public async Task Inbox_OfAnAgency_ListsOnlyTheTasksItMaySee()
    {
        using var county = await app.ClientAsync("jx-330102");
        using var foreign = await app.ClientAsync("kj-330000");
        using var lead = await app.ClientAsync("rlsb-330000");

        var ids = async (HttpClient c) => (await c.GetFromJsonAsync<JsonObject>("/api/tasks?all=true&take=500"))!["items"]!.AsArray()
            .Select(t => t!["id"]!.GetValue<Guid>()).ToList();
        var instances = async (HttpClient c) => (await c.GetFromJsonAsync<JsonObject>("/api/workflow-instances?take=500"))!["items"]!.AsArray()
            .Select(t => t!["id"]!.GetValue<Guid>()).ToList();

        Assert.Contains(app.OwnTask, await ids(county));
        Assert.DoesNotContain(app.ForeignTask, await ids(county));
        Assert.Contains(app.OwnTask, await ids(lead));
        Assert.Empty((await ids(foreign)).Intersect([app.OwnTask, app.ForeignTask]));
        Assert.Contains(app.OwnInstance, await instances(county));
        Assert.DoesNotContain(app.ForeignInstance, await instances(county));
        Assert.Empty((await instances(foreign)).Intersect([app.OwnInstance, app.ForeignInstance]));
    }

    private static Task<HttpResponseMessage> LoginAsync(HttpClient client, string userName, string password) =>
        client.PostAsJsonAsync("/api/account/login", new { userName, password });

    private Task<bool> CreateUserAsync(string userName, string password) => app.WithServicesAsync(async s =>
    {
        var users = s.GetRequiredService<UserManager<PolicyFlowUser>>();
        var user = new PolicyFlowUser { UserName = userName, Email = $"{userName}@zj.gov.cn", AgencyId = "jx-330102", LockoutEnabled = true };
        Assert.True((await users.CreateAsync(user, password)).Succeeded);
        await users.AddToRoleAsync(user, Roles.AgencyStaff);
        return true;
    });
}
