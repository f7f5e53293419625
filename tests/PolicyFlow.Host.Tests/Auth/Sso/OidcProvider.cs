using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using PolicyFlow.Testing;
using static OpenIddict.Abstractions.OpenIddictConstants;
using static OpenIddict.Server.OpenIddictServerEvents;

namespace PolicyFlow.Host.Tests.Auth.Sso;

/// <summary>A person as the provider knows them.</summary>
public sealed record ProviderPerson(string Subject, string UserName, string Email, bool EmailVerified);

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a Kestrel port of its own: discovery, keys, the authorization
/// endpoint and the token endpoint of the code flow with PKCE. It has no login form: whoever <see cref="SignedIn"/> names
/// is the person signed in at the provider, and consents at once. Degraded mode (no store): the one client is checked here.
/// </summary>
public sealed class OidcProvider : IAsyncDisposable
{
    public const string ClientId = "policyflow";
    public const string ClientSecret = "sso-test-secret-5f1c";

    private readonly WebApplication _app;

    private OidcProvider(WebApplication app, Uri issuer)
    {
        _app = app;
        Issuer = issuer;
    }

    public Uri Issuer { get; }

    /// <summary>The person signed in at the provider for the next authorization request.</summary>
    public ProviderPerson? SignedIn { get; set; }

    /// <summary>How many codes were redeemed at the token endpoint: proof that the host really went back to the provider.</summary>
    public int CodesRedeemed { get; private set; }

    public static async Task<OidcProvider> StartAsync(Uri redirectUri)
    {
        var issuer = new Uri($"http://127.0.0.1:{FreePort.Next()}/");
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development", ApplicationName = "sso-provider" });
        builder.WebHost.UseUrls(issuer.ToString().TrimEnd('/'));
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Services.AddAuthentication();
        OidcProvider? provider = null;
        builder.Services.AddOpenIddict().AddServer(o =>
        {
            o.SetIssuer(issuer);
            o.SetAuthorizationEndpointUris("connect/authorize").SetTokenEndpointUris("connect/token");
            o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
            o.RegisterScopes(Scopes.OpenId, Scopes.Email, Scopes.Profile);
            o.AddEphemeralEncryptionKey().AddEphemeralSigningKey().DisableAccessTokenEncryption();
            o.EnableDegradedMode().DisableTokenStorage().DisableAuthorizationStorage();
            o.UseAspNetCore().EnableAuthorizationEndpointPassthrough().EnableTokenEndpointPassthrough().DisableTransportSecurityRequirement();
            // Degraded mode has no application store: the one client and its redirect address are checked here.
            o.AddEventHandler<ValidateAuthorizationRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.RedirectUri != redirectUri.ToString())
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, $"Unknown client {context.ClientId} or redirect {context.RedirectUri}.");
                }
                return default;
            }));
            o.AddEventHandler<ValidateTokenRequestContext>(h => h.UseInlineHandler(context =>
            {
                if (context.ClientId != ClientId || context.ClientSecret != ClientSecret)
                {
                    context.Reject(OpenIddictConstants.Errors.InvalidClient, "Wrong client credentials.");
                }
                return default;
            }));
        });
        var app = builder.Build();
        provider = new OidcProvider(app, issuer);
        app.UseAuthentication();
        app.MapMethods("/connect/authorize", [HttpMethods.Get, HttpMethods.Post], (HttpContext http) =>
        {
            var request = http.GetOpenIddictServerRequest() ?? throw new InvalidOperationException("Not an OpenID Connect request.");
            if (provider.SignedIn is not { } person)
            {
                return Results.Forbid(new AuthenticationProperties(new Dictionary<string, string?>
                {
                    [OpenIddictServerAspNetCoreConstants.Properties.Error] = OpenIddictConstants.Errors.LoginRequired,
                }), [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
            }
            var identity = new ClaimsIdentity(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme, Claims.Name, Claims.Role);
            identity.SetClaim(Claims.Subject, person.Subject).SetClaim(Claims.Name, person.UserName)
                .SetClaim(Claims.PreferredUsername, person.UserName).SetClaim(Claims.Email, person.Email)
                .SetClaim(Claims.EmailVerified, person.EmailVerified);
            identity.SetScopes(request.GetScopes());
            identity.SetDestinations(_ => [Destinations.IdentityToken, Destinations.AccessToken]);
            return Results.SignIn(new ClaimsPrincipal(identity), null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        app.MapPost("/connect/token", async (HttpContext http) =>
        {
            // The principal is the one the authorization code carries (validated by OpenIddict: PKCE, client, expiry).
            var code = await http.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
            provider.CodesRedeemed++;
            return Results.SignIn(code.Principal!, null, OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        });
        await app.StartAsync();
        return provider;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
