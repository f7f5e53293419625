using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Tests.Auth;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 3: a page on a sibling sub-domain is same-site, so the SameSite=Strict cookie goes with its requests; only the
/// origin check stops it. Every unsafe method under /api and /account with the cookie needs this origin; tokens do not.
/// </summary>
[Collection(AuthCollection.Name)]
public sealed class SameOriginTests(AuthApp app)
{
    private const string Sibling = "http://evil.localhost";

    public static TheoryData<string, string, string?> ForeignRequests => new()
    {
        { "POST", "/api/users/me/tokens", "Origin" },
        { "POST", "/api/users/me/tokens", "Sec-Fetch-Site" },
        { "POST", "/api/users/me/tokens", null },
        { "POST", "/account/logout", "Origin" },
        { "POST", "/api/account/logout", "Sec-Fetch-Site" },
        { "DELETE", $"/api/users/me/tokens/{Guid.Empty}", "Origin" },
    };

    [Theory]
    [MemberData(nameof(ForeignRequests))]
    public async Task CookieRequest_FromAnotherOriginOrWithoutOrigin_IsRefusedWith403(string method, string path, string? header)
    {
        using var client = await SignedInAsync();
        using var request = new HttpRequestMessage(new HttpMethod(method), path) { Content = JsonContent.Create(new { name = "csrf", expiresInDays = 1 }) };
        if (header == "Origin")
        {
            request.Headers.Add("Origin", Sibling);
        }
        else if (header == "Sec-Fetch-Site")
        {
            request.Headers.Add("Sec-Fetch-Site", "same-site");
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Contains("Cross-site", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(new Uri("/api/users/me", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task CookieRequest_FromThisOrigin_IsAccepted()
    {
        using var client = await SignedInAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/me/tokens") { Content = JsonContent.Create(new { name = "same", expiresInDays = 1 }) };
        request.Headers.Add("Origin", "http://localhost");
        request.Headers.Add("Sec-Fetch-Site", "same-origin");

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    [Fact]
    public async Task TokenRequest_WithoutOrigin_IsUnaffected()
    {
        using var client = await app.ClientAsync("admin");

        using var response = await client.PutAsJsonAsync("/api/agencies/jx-330102/contact", new { email = "token-call@zj.gov.cn" });

        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task BlazorHub_FromAnotherOrigin_IsRefused_AndFromThisOriginAccepted()
    {
        using var client = await SignedInAsync();
        using var foreign = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        foreign.Headers.Add("Origin", Sibling);
        using var own = new HttpRequestMessage(HttpMethod.Post, "/_blazor/negotiate?negotiateVersion=1");
        own.Headers.Add("Origin", "http://localhost");

        Assert.Equal(HttpStatusCode.Forbidden, (await client.SendAsync(foreign)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.SendAsync(own)).StatusCode);
    }

    [Fact]
    public async Task CookieRequest_WithoutOriginHeaders_IsAccepted_WithAValidAntiforgeryHeader_AndRefusedWithAForgedOne()
    {
        using var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/account/login", new { userName = "jx-330100", password = PolicyFlowAccounts.DemoPassword });
        var authCookie = login.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("pf.auth=", StringComparison.Ordinal)).Split(';')[0];
        var (cookieName, tokens) = await app.WithServicesAsync(async services =>
        {
            var user = await services.GetRequiredService<UserManager<PolicyFlowUser>>().FindByNameAsync("jx-330100");
            var principal = await services.GetRequiredService<SignInManager<PolicyFlowUser>>().CreateUserPrincipalAsync(user!);
            var http = new DefaultHttpContext { RequestServices = services, User = principal };
            return (services.GetRequiredService<IOptions<AntiforgeryOptions>>().Value.Cookie.Name!, services.GetRequiredService<IAntiforgery>().GetTokens(http));
        });
        HttpRequestMessage Post(string requestToken)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/users/me/tokens") { Content = JsonContent.Create(new { name = "antiforgery", expiresInDays = 1 }) };
            request.Headers.Add("Cookie", $"{authCookie}; {cookieName}={tokens.CookieToken}");
            request.Headers.Add(tokens.HeaderName!, requestToken);
            return request;
        }

        using var valid = await client.SendAsync(Post(tokens.RequestToken!));
        using var forged = await client.SendAsync(Post("forged-" + tokens.RequestToken));

        Assert.Equal(HttpStatusCode.Created, valid.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forged.StatusCode);
    }

    /// <summary>A client with the sign-in cookie that sends no Origin unless a test adds one.</summary>
    private async Task<HttpClient> SignedInAsync()
    {
        var client = app.Factory.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = true, AllowAutoRedirect = false });
        var login = await client.PostAsJsonAsync("/api/account/login", new { userName = "jx-330100", password = PolicyFlowAccounts.DemoPassword });
        Assert.True(login.IsSuccessStatusCode, await login.Content.ReadAsStringAsync());
        return client;
    }
}
