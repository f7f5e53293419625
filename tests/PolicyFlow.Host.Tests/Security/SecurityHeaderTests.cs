using PolicyFlow.Host.Tests.Auth;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 9: every answer carries nosniff, frame-ancestors 'none' and a CSP without inline scripts.</summary>
[Collection(AuthCollection.Name)]
public sealed class SecurityHeaderTests(AuthApp app)
{
    [Theory]
    [InlineData("/account/login")]
    [InlineData("/api/users/me")]
    [InlineData("/health")]
    public async Task EveryAnswer_CarriesNoSniffAndACspThatForbidsFramingAndInlineScripts(string path)
    {
        using var client = await app.ClientAsync(null);

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        var csp = response.Headers.GetValues("Content-Security-Policy").Single();
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("object-src 'none'", csp, StringComparison.Ordinal);
        var scripts = csp.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Contains("'self'", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", scripts, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-eval", scripts, StringComparison.Ordinal);
    }

    [Fact]
    public async Task LoginPage_HasNoInlineScript_SoItWorksUnderTheCsp()
    {
        using var client = await app.ClientAsync(null);

        var html = await client.GetStringAsync(new Uri("/account/login", UriKind.Relative));
        var script = await client.GetAsync(new Uri("/account/login.js", UriKind.Relative));

        Assert.DoesNotContain("<script>", html, StringComparison.Ordinal);
        Assert.Contains("<script src=\"/account/login.js\">", html, StringComparison.Ordinal);
        Assert.Equal("text/javascript", script.Content.Headers.ContentType!.MediaType);
    }
}
