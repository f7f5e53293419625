using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Accounts;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 6: sessions that end. With a one-second revalidation interval, a lock, a role change and a sign-out elsewhere end
/// the other cookies; a Studio circuit's user is checked the same way; a token cannot mint tokens; an administrator
/// revokes a user's tokens.
/// </summary>
public sealed class SessionTests
{
    private const string User = "jx-330100";
    private static readonly TimeSpan PastInterval = TimeSpan.FromSeconds(1.5);

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task LockRoleChangeAndSignOutElsewhere_EndOtherSessions_WithinTheInterval(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var host = HostOn.Start("Development", storage.Environment, new Dictionary<string, string?>
        {
            ["Seed:LaunchPolicy"] = "false", ["Authentication:SessionRevalidationSeconds"] = "1",
        });
        using var admin = await host.SignedInAsync("admin");

        // Locked by an administrator: the open session ends, and signing in again is refused until unlocked.
        using var locked = await host.SignedInAsync(User);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{User}/lock", null)).StatusCode);
        await Task.Delay(PastInterval);
        Assert.Equal(HttpStatusCode.Unauthorized, (await locked.GetAsync("/api/users/me")).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await host.Client().PostAsJsonAsync("/api/account/login",
            new { userName = User, password = PolicyFlowAccounts.DemoPassword })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{User}/unlock", null)).StatusCode);

        // A role change ends the session that carried the old role; the next sign-in has the new one.
        using var staff = await host.SignedInAsync(User);
        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{User}/role", new { role = "Leadership" })).StatusCode);
        await Task.Delay(PastInterval);
        Assert.Equal(HttpStatusCode.Unauthorized, (await staff.GetAsync("/api/users/me")).StatusCode);
        using var leader = await host.SignedInAsync(User);
        Assert.Equal(["Leadership"], (await leader.GetFromJsonAsync<JsonObject>("/api/users/me"))!["roles"]!.AsArray().Select(r => r!.GetValue<string>()));

        // Signing out in one browser ends the other.
        using var other = await host.SignedInAsync(User);
        Assert.Equal(HttpStatusCode.NoContent, (await leader.PostAsync("/api/account/logout", null)).StatusCode);
        await Task.Delay(PastInterval);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.GetAsync("/api/users/me")).StatusCode);

        // A bad role changes nothing.
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.PutAsJsonAsync($"/api/users/{User}/role", new { role = "Root" })).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.PostAsync("/api/users/nobody-here/lock", null)).StatusCode);
    }

    [Fact]
    public async Task ATokenCannotMintTokens_AndAnAdministratorRevokesAUsersTokens()
    {
        await using var host = HostOn.Start("Development", HostOn.NewDirectory(), new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        using var signedIn = await host.SignedInAsync(User);
        var token = await PolicyFlowAccounts.CreateTokenAsync(signedIn);
        using var bearer = host.Client(cookies: false);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);

        var minted = await bearer.PostAsJsonAsync("/api/users/me/tokens", new { name = "offspring", expiresInDays = 365 });
        Assert.Equal(HttpStatusCode.Forbidden, minted.StatusCode);
        Assert.Single((await signedIn.GetFromJsonAsync<JsonArray>("/api/users/me/tokens"))!);

        using var admin = await host.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(1, (await (await admin.DeleteAsync($"/api/users/{User}/tokens")).Content.ReadFromJsonAsync<JsonObject>())!["revoked"]!.GetValue<int>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/tasks")).StatusCode);
    }

    [Fact]
    public async Task ATokensUser_ChangedByAnAdministrator_IsSeenChangedOnTheVeryNextRequest()
    {
        await using var host = HostOn.Start("Development", HostOn.NewDirectory(), new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        using var signedIn = await host.SignedInAsync(User);
        using var bearer = host.Client(cookies: false);
        bearer.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await PolicyFlowAccounts.CreateTokenAsync(signedIn));
        // The outbox is leadership's to read, not agency staff's: what the token may do comes from the principal's roles.
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await bearer.GetAsync("/api/outbox")).StatusCode); // from the kept principal
        using var admin = await host.SignedInAsync("admin");

        Assert.Equal(HttpStatusCode.OK, (await admin.PutAsJsonAsync($"/api/users/{User}/role", new { role = "Leadership" })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await bearer.GetAsync("/api/outbox")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{User}/lock", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await bearer.GetAsync("/api/users/me")).StatusCode);
    }

    [Fact]
    public async Task AStudioCircuit_LosesItsUser_OnceTheAccountIsLocked()
    {
        await using var host = HostOn.Start("Development", HostOn.NewDirectory(), new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        var (provider, principal) = await host.WithServicesAsync(async services =>
        {
            var users = services.GetRequiredService<UserManager<PolicyFlowUser>>();
            var principal = await services.GetRequiredService<SignInManager<PolicyFlowUser>>().CreateUserPrincipalAsync((await users.FindByNameAsync(User))!);
            return (Assert.IsType<RevalidatingAccountStateProvider>(services.GetRequiredService<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider>()), principal);
        });
        Assert.True(await provider.IsStillValidAsync(principal));

        using var admin = await host.SignedInAsync("admin");
        Assert.Equal(HttpStatusCode.OK, (await admin.PostAsync($"/api/users/{User}/lock", null)).StatusCode);

        Assert.False(await provider.IsStillValidAsync(principal));
    }
}
