using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using PolicyFlow.Host.Application;

namespace PolicyFlow.Host.Auth;

/// <summary>
/// The provincial SSO: <c>GET /account/sso</c> goes to the provider; it comes back to <c>/account/sso/complete</c>, where
/// the person is matched to an existing PolicyFlow user (<see cref="SsoAccountMatch"/>), who is then signed in with the
/// Studio's cookie. Every outcome, allowed or refused, is one audit entry (<c>sso.sign-in</c>).
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";
    public const string Operation = "sso.sign-in";

    public static void Add(AuthenticationBuilder authentication, OidcOptions options) =>
        authentication.AddOpenIdConnect(Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.RequireHttpsMetadata = options.RequireHttpsMetadata;
            o.ResponseType = OpenIdConnectResponseType.Code;
            // The code comes back on a plain top-level GET, which carries the Lax correlation cookies; PKCE protects the code.
            o.ResponseMode = OpenIdConnectResponseMode.Query;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/account/sso/callback";
            o.Scope.Add("email");
            o.MapInboundClaims = false;
            // Secure outside Development (HardeningExtensions); SameSite=None would need Secure even on a developer's http.
            o.CorrelationCookie.SameSite = SameSiteMode.Lax;
            o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            o.NonceCookie.SameSite = SameSiteMode.Lax;
            o.NonceCookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sso", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/account/sso/complete" }, [Scheme]));
        app.MapGet("/account/sso/complete", async (HttpContext http, SignInManager<PolicyFlowUser> signIn, IOptions<AuthOptions> options, UseCaseAudit audit) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var oidc = options.Value.Oidc;
            var identity = SsoIdentity.From(external.Principal, oidc);
            var (user, outcome) = external.Succeeded
                ? await SsoAccountMatch.FindAsync(signIn.UserManager, identity, oidc)
                : (null, SsoOutcome.NoSubject);
            var allowed = outcome is SsoOutcome.Linked or SsoOutcome.MatchedUserName or SsoOutcome.MatchedEmail;
            var status = allowed ? StatusCodes.Status200OK : outcome == SsoOutcome.NoSubject ? StatusCodes.Status401Unauthorized : StatusCodes.Status403Forbidden;
            var caller = new Caller(user?.UserName ?? identity.AuditName, new HashSet<string>(), user?.AgencyId ?? "");
            await audit.WriteAsync(caller, Operation, $"/account/sso {identity.Describe()} outcome={outcome}", status);
            if (!allowed)
            {
                var (title, detail) = Refusal(outcome, identity, oidc);
                return Results.Problem(statusCode: status, title: title, detail: detail);
            }
            await signIn.SignInAsync(user!, isPersistent: false, authenticationMethod: Scheme);
            // A page, not a redirect: the browser arrived from the provider's site, and a SameSite=Strict cookie rides only on
            // a navigation that starts here.
            return Results.Content(Continue, "text/html; charset=utf-8");
        });
    }

    private const string Continue = """
        <!doctype html>
        <html lang="zh-CN"><head><meta charset="utf-8"><meta http-equiv="refresh" content="0;url=/">
        <title>已登录 · PolicyFlow 政策协同 Signed in</title></head>
        <body><p>已通过统一身份认证登录，正在进入 PolicyFlow……<a href="/">继续 Continue</a></p></body></html>
        """;

    private static (string Title, string Detail) Refusal(SsoOutcome outcome, SsoIdentity identity, OidcOptions oidc) => outcome switch
    {
        SsoOutcome.NoSubject => ("单点登录未完成 SSO sign-in did not complete",
            "统一身份认证没有返回登录结果，请重新登录。 The provider's answer carried no signed-in person; sign in again."),
        SsoOutcome.NoClaim => ("单点登录失败 SSO sign-in failed",
            $"统一身份认证没有提供“{(oidc.MatchEmail ? "email" : oidc.UserClaim)}”，无法确定 PolicyFlow 账户。 The provider sent no '{(oidc.MatchEmail ? "email" : oidc.UserClaim)}' claim, so no PolicyFlow account can be found."),
        SsoOutcome.EmailNotVerified => ("邮箱未经认证 Email address not verified",
            $"统一身份认证尚未验证邮箱 {identity.Email}，PolicyFlow 只按已验证的邮箱关联账户。请先在统一身份认证中验证邮箱，或请管理员处理。 " +
            $"The provider has not verified {identity.Email}; PolicyFlow links an SSO sign-in to an account by email only once the provider has verified the address."),
        SsoOutcome.Locked => ("账户已锁定 Account locked",
            "您的 PolicyFlow 账户已被锁定，请联系管理员。 Your PolicyFlow account is locked; ask an administrator to unlock it."),
        _ => ("没有 PolicyFlow 账户 No PolicyFlow account",
            $"“{identity.Claimed ?? identity.Email ?? identity.Subject}”已通过统一身份认证，但没有对应的 PolicyFlow 账户；请管理员先为您创建账户并指定单位和角色。 " +
            $"'{identity.Claimed ?? identity.Email ?? identity.Subject}' signed in at the SSO but has no PolicyFlow account; an administrator creates one with its agency and role."),
    };
}
