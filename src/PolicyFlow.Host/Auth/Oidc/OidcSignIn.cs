using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PolicyFlow.Host.Auth;

/// <summary>
/// The provincial SSO: <c>GET /account/sso</c> goes to the provider; it comes back to <c>/account/sso/complete</c>, where
/// the configured claim is matched to an existing PolicyFlow user, who is then signed in with the Studio's cookie.
/// </summary>
internal static class OidcSignIn
{
    public const string Scheme = "oidc";

    public static void Add(AuthenticationBuilder authentication, OidcOptions options) =>
        authentication.AddOpenIdConnect(Scheme, options.DisplayName, o =>
        {
            o.Authority = options.Authority;
            o.ClientId = options.ClientId;
            o.ClientSecret = options.ClientSecret;
            o.ResponseType = OpenIdConnectResponseType.Code;
            o.UsePkce = true;
            o.SignInScheme = IdentityConstants.ExternalScheme;
            o.CallbackPath = "/account/sso/callback";
            o.Scope.Add("email");
            o.MapInboundClaims = false;
        });

    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/account/sso", () => Results.Challenge(new AuthenticationProperties { RedirectUri = "/account/sso/complete" }, [Scheme]));
        app.MapGet("/account/sso/complete", async (HttpContext http, SignInManager<PolicyFlowUser> signIn, IOptions<AuthOptions> options) =>
        {
            var external = await http.AuthenticateAsync(IdentityConstants.ExternalScheme);
            await http.SignOutAsync(IdentityConstants.ExternalScheme);
            var oidc = options.Value.Oidc;
            var value = external.Principal?.FindFirstValue(oidc.UserClaim);
            if (string.IsNullOrWhiteSpace(value))
            {
                return Results.Problem(statusCode: 401, title: "单点登录失败 SSO sign-in failed", detail: $"The provider sent no '{oidc.UserClaim}' claim.");
            }
            var users = signIn.UserManager;
            var user = oidc.MatchEmail ? await users.FindByEmailAsync(value) : await users.FindByNameAsync(value);
            if (user is null || await users.IsLockedOutAsync(user))
            {
                return Results.Problem(statusCode: 403, title: "没有 PolicyFlow 账户 No PolicyFlow account",
                    detail: $"'{value}' signed in at the SSO but has no PolicyFlow account; an administrator creates one with its agency and role.");
            }
            await signIn.SignInAsync(user, isPersistent: false, authenticationMethod: Scheme);
            return Results.LocalRedirect("/");
        });
    }
}
