using System.Net;
using System.Net.Http.Json;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 9 in Production: HTTPS only, HSTS, secure cookies, the API documents behind sign-in, AllowedHosts honoured.</summary>
public sealed class TransportTests : IAsyncLifetime
{
    private const string Password = "Prod-Admin-Password-2026!";
    private HostOn _host = null!;

    public async Task InitializeAsync()
    {
        _host = HostOn.Start("Production", HostOn.NewDirectory(), new Dictionary<string, string?> { ["AllowedHosts"] = "policyflow.test" });
        await _host.CreateUserAsync("zhao-admin", Password);
    }

    [Fact]
    public async Task PlainHttp_IsRedirectedToHttps_AndHttpsAnswersCarryHsts()
    {
        using var client = _host.Client(cookies: false);

        var plain = await client.GetAsync(new Uri("http://policyflow.test/account/login"));
        var secure = await client.GetAsync(new Uri("/account/login", UriKind.Relative));

        Assert.Equal(HttpStatusCode.TemporaryRedirect, plain.StatusCode);
        Assert.Equal("https", plain.Headers.Location!.Scheme);
        Assert.Equal(HttpStatusCode.OK, secure.StatusCode);
        Assert.Contains("max-age=31536000", secure.Headers.GetValues("Strict-Transport-Security").Single(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignInCookie_InProduction_IsSecure()
    {
        using var client = _host.Client();

        var response = await client.PostAsJsonAsync("/api/account/login", new { userName = "zhao-admin", password = Password });

        response.EnsureSuccessStatusCode();
        var cookie = Assert.Single(response.Headers.GetValues("Set-Cookie"), c => c.StartsWith("pf.auth=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task ApiDocuments_InProduction_AreForSignedInUsersOnly()
    {
        using var anonymous = _host.Client(cookies: false);
        using var signedIn = _host.Client();
        (await signedIn.PostAsJsonAsync("/api/account/login", new { userName = "zhao-admin", password = Password })).EnsureSuccessStatusCode();

        var page = await anonymous.GetAsync(new Uri("/swagger/index.html", UriKind.Relative));
        var document = await anonymous.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, page.StatusCode);
        Assert.StartsWith("/account/login", page.Headers.Location!.PathAndQuery, StringComparison.Ordinal);
        Assert.NotEqual(HttpStatusCode.OK, document.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/swagger/index.html", UriKind.Relative))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await signedIn.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative))).StatusCode);
    }

    [Fact]
    public async Task AnotherHostName_IsRefused_WhenAllowedHostsNamesOurs()
    {
        using var client = _host.Client(cookies: false);

        var response = await client.GetAsync(new Uri("https://evil.example/account/login"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    public Task DisposeAsync() => _host.DisposeAsync().AsTask();
}
