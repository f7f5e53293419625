using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Tests.Auth.Sso;

/// <summary>
/// Single sign-on through a real OpenID Connect provider: the authorization-code flow with PKCE driven end to end, from
/// <c>/account/sso</c> through the provider and back, and what PolicyFlow then decides and audits.
/// </summary>
public sealed class SsoSignInTests(SsoHost sso) : IClassFixture<SsoHost>
{
    [Fact]
    public async Task VerifiedEmail_SignsInAsTheAccountWithThatAddress_LinksTheSubject_AndIsAudited()
    {
        var account = await sso.CreateUserAsync("sso-clerk", "zhang.wei@jxt.zj.gov.cn");
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0001", "zhangwei", "zhang.wei@jxt.zj.gov.cn", EmailVerified: true);
        using var browser = sso.Browser();
        var redeemed = sso.Provider.CodesRedeemed;

        using var landed = await browser.GetAsync("/account/sso");

        Assert.True(landed.IsSuccessStatusCode, $"{(int)landed.StatusCode} {await landed.Content.ReadAsStringAsync()}");
        Assert.Equal("/account/sso/complete", landed.RequestMessage!.RequestUri!.AbsolutePath);
        Assert.Equal(redeemed + 1, sso.Provider.CodesRedeemed);
        var me = await browser.GetFromJsonAsync<JsonObject>("/api/users/me");
        Assert.Equal("sso-clerk", me!["userName"]!.GetValue<string>());
        Assert.Equal("jx-330102", me["agencyId"]!.GetValue<string>());
        Assert.Equal(account.Id, (await FindByLoginAsync("zjzw-0001"))?.Id);
        var entry = Assert.Single(await AuditOfAsync("zjzw-0001"));
        Assert.Equal(("sso-clerk", OidcSignIn.Operation, 200, false, "127.0.0.1"), (entry.UserName, entry.Method, entry.Status, entry.Refused, entry.RemoteAddress));
        Assert.Contains("email_verified=true", entry.Path, StringComparison.Ordinal);
        Assert.InRange(entry.At, DateTimeOffset.UtcNow.AddMinutes(-2), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public async Task UnverifiedEmail_IsRefusedWithAClearMessage_LinksNothing_AndIsAudited()
    {
        await sso.CreateUserAsync("sso-unverified", "li.na@rlsbt.zj.gov.cn");
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0002", "lina", "li.na@rlsbt.zj.gov.cn", EmailVerified: false);
        using var browser = sso.Browser();

        using var refused = await browser.GetAsync("/account/sso");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("邮箱未经认证 Email address not verified", problem!["title"]!.GetValue<string>());
        Assert.Contains("has not verified li.na@rlsbt.zj.gov.cn", problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/users/me")).StatusCode);
        Assert.Null(await FindByLoginAsync("zjzw-0002"));
        var entry = Assert.Single(await AuditOfAsync("zjzw-0002"));
        Assert.Equal(("sso:lina", 403, true), (entry.UserName, entry.Status, entry.Refused));
        Assert.Contains("outcome=EmailNotVerified", entry.Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UnknownPerson_WithAVerifiedAddressNoAccountHas_IsRefused_AndIsAudited()
    {
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0003", "wangfang", "wang.fang@kjt.zj.gov.cn", EmailVerified: true);
        using var browser = sso.Browser();

        using var refused = await browser.GetAsync("/account/sso");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        var problem = await refused.Content.ReadFromJsonAsync<JsonObject>();
        Assert.Equal("没有 PolicyFlow 账户 No PolicyFlow account", problem!["title"]!.GetValue<string>());
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/users/me")).StatusCode);
        Assert.Null(await FindByLoginAsync("zjzw-0003"));
        var entry = Assert.Single(await AuditOfAsync("zjzw-0003"));
        Assert.Equal(("sso:wangfang", 403, true), (entry.UserName, entry.Status, entry.Refused));
    }

    [Fact]
    public async Task LinkedSubject_SignsInAgainByItsLink_EvenAfterTheProviderChangedTheAddress()
    {
        await sso.CreateUserAsync("sso-relinked", "zhao.lei@fgw.zj.gov.cn");
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0004", "zhaolei", "zhao.lei@fgw.zj.gov.cn", EmailVerified: true);
        using (var first = sso.Browser())
        {
            (await first.GetAsync("/account/sso")).EnsureSuccessStatusCode();
        }
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0004", "zhaolei", "zl-private@example.com", EmailVerified: false);
        using var browser = sso.Browser();

        (await browser.GetAsync("/account/sso")).EnsureSuccessStatusCode();

        Assert.Equal("sso-relinked", (await browser.GetFromJsonAsync<JsonObject>("/api/users/me"))!["userName"]!.GetValue<string>());
        Assert.Equal(["MatchedEmail", "Linked"], (await AuditOfAsync("zjzw-0004")).Select(e => e.Path.Split("outcome=")[1]));
    }

    [Fact]
    public async Task LockedAccount_IsRefusedAtSso_AndIsAudited()
    {
        await sso.CreateUserAsync("sso-locked", "sun.li@jyt.zj.gov.cn");
        await sso.WithServicesAsync(async s =>
        {
            var users = s.GetRequiredService<UserManager<PolicyFlowUser>>();
            return (await users.SetLockoutEndDateAsync((await users.FindByNameAsync("sso-locked"))!, DateTimeOffset.MaxValue)).Succeeded;
        });
        sso.Provider.SignedIn = new ProviderPerson("zjzw-0005", "sunli", "sun.li@jyt.zj.gov.cn", EmailVerified: true);
        using var browser = sso.Browser();

        using var refused = await browser.GetAsync("/account/sso");

        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.GetAsync("/api/users/me")).StatusCode);
        var entry = Assert.Single(await AuditOfAsync("zjzw-0005"));
        Assert.Equal(("sso-locked", 403, true), (entry.UserName, entry.Status, entry.Refused));
    }

    private Task<PolicyFlowUser?> FindByLoginAsync(string subject) =>
        sso.WithServicesAsync(s => s.GetRequiredService<UserManager<PolicyFlowUser>>().FindByLoginAsync(OidcSignIn.Scheme, subject));

    private Task<List<AuditEntry>> AuditOfAsync(string subject) => sso.WithServicesAsync(s =>
        s.GetRequiredService<AccountsDbContext>().Audit.AsNoTracking()
            .Where(a => a.Path.Contains("subject=" + subject + " ")).OrderBy(a => a.Id).ToListAsync());
}
