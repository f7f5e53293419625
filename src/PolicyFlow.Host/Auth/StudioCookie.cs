using Microsoft.AspNetCore.Authentication.Cookies;

namespace PolicyFlow.Host.Auth;

/// <summary>
/// The Studio's sign-in cookie: HttpOnly, SameSite=Strict (a cross-site request never carries it, which is the API's CSRF
/// defence), 8 hours sliding. The API answers 401 / 403 instead of redirecting to the login page.
/// </summary>
internal static class StudioCookie
{
    public const string Name = "pf.auth";

    public static void Configure(CookieAuthenticationOptions o)
    {
        o.Cookie.Name = Name;
        o.Cookie.HttpOnly = true;
        o.Cookie.SameSite = SameSiteMode.Strict;
        o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        o.ExpireTimeSpan = TimeSpan.FromHours(8);
        o.SlidingExpiration = true;
        o.LoginPath = "/account/login";
        o.ReturnUrlParameter = "returnUrl";
        // Checked against the account every Authentication:SessionRevalidationSeconds: a changed security stamp ends the session.
        o.Events.OnValidatePrincipal = Accounts.SessionCheck.ValidateCookieAsync;
        o.Events.OnRedirectToLogin = context => ApiOr(context, StatusCodes.Status401Unauthorized);
        o.Events.OnRedirectToAccessDenied = context => ApiOr(context, StatusCodes.Status403Forbidden);
    }

    private static Task ApiOr(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/hangfire"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }
}
