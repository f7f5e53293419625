using Microsoft.AspNetCore.Localization;

namespace PolicyFlow.Host.Studio.Localization;

/// <summary>The culture switch: stores the choice in the <c>.AspNetCore.Culture</c> cookie and goes back to the page.</summary>
internal static class CultureEndpoint
{
    public const string Path = "/studio/culture";

    private static readonly HashSet<string> Supported = ["zh-CN", "en"];

    public static void Map(IEndpointRouteBuilder app) => app.MapGet(Path, (string culture, string? redirect, HttpContext http) =>
    {
        if (!Supported.Contains(culture))
        {
            return Results.BadRequest();
        }
        http.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
            CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
            new CookieOptions { MaxAge = TimeSpan.FromDays(365), IsEssential = true, SameSite = SameSiteMode.Lax, HttpOnly = false });
        // Only local paths: an absolute URL (or /\x, which browsers read as //x) would make the switch an open redirect.
        if (redirect is { Length: > 0 } && !Auth.Hardening.LocalUrl.IsLocal(redirect))
        {
            return Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "返回地址无效 Invalid return address", detail: Auth.Hardening.LocalUrl.Reason);
        }
        return Results.LocalRedirect(redirect is { Length: > 0 } ? redirect : "/");
    }).ExcludeFromDescription();
}
