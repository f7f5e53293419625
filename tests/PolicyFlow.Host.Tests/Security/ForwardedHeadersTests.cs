using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 8: behind a reverse proxy the sign-in limit is kept per real client (one client cannot lock everyone out), and a
/// client that is not the proxy cannot choose its address with <c>X-Forwarded-For</c>.
/// </summary>
public sealed class ForwardedHeadersTests
{
    [Fact]
    public async Task BehindAKnownProxy_EachClientHasItsOwnSignInLimit_AndTheAuditNamesIt()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(new Dictionary<string, string>(storage.Environment)
        {
            ["Authentication__SignInPermitsPerMinute"] = "3", ["Security__KnownProxies__0"] = "127.0.0.1",
        });
        using var client = host.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "203.0.113.7", "wrong")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "203.0.113.7", "wrong")).StatusCode);
        // Another client behind the same proxy is not locked out by the first.
        Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, "203.0.113.8", "wrong")).StatusCode);

        var admin = await LoginAsync(client, "198.51.100.1", PolicyFlowAccounts.DemoPassword, "admin");
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
        using var audit = new HttpRequestMessage(HttpMethod.Get, "/api/audit?refused=true&take=50");
        audit.Headers.Add("Cookie", admin.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf.auth=", StringComparison.Ordinal)).Split(';')[0]);
        audit.Headers.Add("X-Forwarded-For", "198.51.100.1");
        var items = (await (await client.SendAsync(audit)).Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray();
        Assert.Contains(items, a => a!["remoteAddress"]?.GetValue<string>() == "203.0.113.7" && a["status"]!.GetValue<int>() == 429);
    }

    [Fact]
    public async Task WithoutAKnownProxy_ASpoofedForwardedForIsIgnored()
    {
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(new Dictionary<string, string>(storage.Environment)
        {
            ["Authentication__SignInPermitsPerMinute"] = "3",
        });
        using var client = host.CreateClient();

        for (var attempt = 0; attempt < 3; attempt++)
        {
            Assert.Equal(HttpStatusCode.Unauthorized, (await LoginAsync(client, $"203.0.113.{attempt}", "wrong")).StatusCode);
        }
        Assert.Equal(HttpStatusCode.TooManyRequests, (await LoginAsync(client, "203.0.113.99", "wrong")).StatusCode);
    }

    private static async Task<HttpResponseMessage> LoginAsync(HttpClient client, string forwardedFor, string password, string userName = "jx-330100")
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
        {
            Content = JsonContent.Create(new { userName, password }),
        };
        request.Headers.Add("X-Forwarded-For", forwardedFor);
        return await client.SendAsync(request);
    }
}
