using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 10: two host processes on one database, each with its own local key directory (its own HOME), are interchangeable
/// behind a load balancer without sticky sessions — the Data Protection key ring lives in the database.
/// </summary>
public sealed class SeveralHostsTests
{
    [Theory]
    [InlineData("PostgreSql")]
    [InlineData("Sqlite")]
    public async Task SignInOnHostA_TheNextRequestsOnHostB_AreAccepted(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        var homeA = Directory.CreateTempSubdirectory("pf-home-a-").FullName;
        var homeB = Directory.CreateTempSubdirectory("pf-home-b-").FullName;
        try
        {
            await using var a = await PolicyFlowProcess.StartAsync(SeveralHosts.WithHome(storage.Environment, homeA));
            await using var b = await PolicyFlowProcess.StartAsync(SeveralHosts.WithHome(storage.Environment, homeB));

            // Sign in on A and read the cookie and an antiforgery pair A issued.
            using var onA = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = a.Address };
            var login = await onA.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/account/login")
            {
                Content = JsonContent.Create(new { userName = "jx-330100", password = PolicyFlowAccounts.DemoPassword }),
                Headers = { { "Origin", a.Address.GetLeftPart(UriPartial.Authority) } },
            });
            Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
            var cookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf.auth=", StringComparison.Ordinal)).Split(';')[0];

            // The next request goes to B: signed in, and a change (with B's own origin) is accepted.
            using var onB = new HttpClient(new HttpClientHandler { UseCookies = false }) { BaseAddress = b.Address };
            using var me = new HttpRequestMessage(HttpMethod.Get, "/api/users/me") { Headers = { { "Cookie", cookie } } };
            using var meAnswer = await onB.SendAsync(me);
            Assert.Equal(HttpStatusCode.OK, meAnswer.StatusCode);
            Assert.Equal("jx-330100", (await meAnswer.Content.ReadFromJsonAsync<JsonObject>())!["userName"]!.GetValue<string>());
            using var change = new HttpRequestMessage(HttpMethod.Post, "/api/users/me/tokens")
            {
                Content = JsonContent.Create(new { name = "from-b", expiresInDays = 1 }),
                Headers = { { "Cookie", cookie }, { "Origin", b.Address.GetLeftPart(UriPartial.Authority) } },
            };
            Assert.Equal(HttpStatusCode.Created, (await onB.SendAsync(change)).StatusCode);

            // A stops; B goes on serving the same session.
            await a.KillAsync();
            using var again = new HttpRequestMessage(HttpMethod.Get, "/api/tasks") { Headers = { { "Cookie", cookie } } };
            Assert.Equal(HttpStatusCode.OK, (await onB.SendAsync(again)).StatusCode);
        }
        finally
        {
            Directory.Delete(homeA, recursive: true);
            Directory.Delete(homeB, recursive: true);
        }
    }
}
