using System.Net;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// Transport and browser hardening: security headers with a Content-Security-Policy the Studio works under, and outside
/// Development HTTPS redirection, HSTS, secure cookies and the API documents for signed-in users only.
/// </summary>
internal static class HardeningExtensions
{
    public static WebApplicationBuilder AddPolicyFlowHardening(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SecurityOptions>().Bind(builder.Configuration.GetSection(SecurityOptions.Section));
        services.AddSecurityHeaderPolicies().SetDefaultPolicy(SecurityHeaders.Configure);
        var proxies = builder.Configuration.GetSection(SecurityOptions.Section).Get<SecurityOptions>()?.KnownProxies ?? [];
        services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the configured proxies: not the framework's default of loopback, which a local client could be.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                o.KnownProxies.Add(IPAddress.TryParse(proxy, out var address) ? address
                    : throw new InvalidOperationException($"Security:KnownProxies: '{proxy}' is not an IP address."));
            }
        });
        if (!builder.Environment.IsDevelopment())
        {
            services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ApplicationScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<CookieAuthenticationOptions>(IdentityConstants.ExternalScheme, o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<AntiforgeryOptions>(o => o.Cookie.SecurePolicy = CookieSecurePolicy.Always);
            services.PostConfigure<Microsoft.AspNetCore.Authentication.OpenIdConnect.OpenIdConnectOptions>(OidcSignIn.Scheme, o =>
            {
                o.CorrelationCookie.SecurePolicy = CookieSecurePolicy.Always;
                o.NonceCookie.SecurePolicy = CookieSecurePolicy.Always;
            });
        }
        return builder;
    }

    /// <summary>First in the pipeline, so every answer — errors included — carries the headers.</summary>
    public static WebApplication UsePolicyFlowTransport(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        if (app.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<SecurityOptions>>().Value.KnownProxies.Length > 0)
        {
            app.UseForwardedHeaders();
        }
        if (!app.Environment.IsDevelopment())
        {
            app.UseHsts();
            app.UseHttpsRedirection();
        }
        app.UseSecurityHeaders();
        return app;
    }

    /// <summary>The OpenAPI document and its browsable page; outside Development only for signed-in users.</summary>
    public static WebApplication MapPolicyFlowApiDocs(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var document = app.MapOpenApi("/openapi/{documentName}.json");
        if (!app.Environment.IsDevelopment())
        {
            document.RequireAuthorization();
            app.UseWhen(http => http.Request.Path.StartsWithSegments("/swagger"), branch => branch.Use(async (http, next) =>
            {
                if (http.User.Identity?.IsAuthenticated != true)
                {
                    await http.ChallengeAsync();
                    return;
                }
                await next(http);
            }));
        }
        app.UseSwaggerUI(o => o.SwaggerEndpoint("/openapi/v1.json", "PolicyFlow API v1"));
        return app;
    }
}
