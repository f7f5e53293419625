using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Auth.Sso;

/// <summary>The same sign-in in Chromium: the browser ends on the Studio, signed in, not back on the login page.</summary>
public sealed class SsoBrowserTests(SsoHost sso) : IClassFixture<SsoHost>
{
    [Fact]
    public async Task SsoLinkOnTheLoginPage_InChromium_EndsOnTheStudioSignedInAsTheMatchingAccount()
    {
        await sso.CreateUserAsync("sso-browser", "chen.jing@jxt.zj.gov.cn");
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0101", "chenjing", "chen.jing@jxt.zj.gov.cn", EmailVerified: true);
        await using var browser = await Chromium.LaunchAsync();
        await using var context = await browser.NewContextAsync(new() { BaseURL = sso.Address.ToString() });
        var page = await context.NewPageAsync();

        await page.GotoAsync("/account/login");
        await page.GetByText("政务统一身份认证登录").ClickAsync();

        // The SSO cookie is SameSite=Strict: it rides only on a navigation that starts on PolicyFlow's own page.
        await Assertions.Expect(page.GetByTestId("user-name")).ToHaveTextAsync("sso-browser", new() { Timeout = 30_000 });
        Assert.Equal("/", new Uri(page.Url).AbsolutePath);
        var path = RepositoryRoot.Combine("artifacts", "screenshots", "sso-signed-in.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path });
    }
}
