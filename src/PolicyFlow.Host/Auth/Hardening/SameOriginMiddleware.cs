using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// Request forgery: SameSite cookies alone let a page on a sibling sub-domain (same site, other origin) post with the
/// user's cookie. So every POST/PUT/PATCH/DELETE under <c>/api</c> and <c>/account</c> that is not a bearer-token call must
/// come from this origin — the browser says so in <c>Sec-Fetch-Site</c> / <c>Origin</c> — or, when a client sends neither
/// header, carry a valid antiforgery token in the header if it has the sign-in cookie. The Blazor hub refuses a foreign
/// <c>Origin</c> (cross-site WebSocket hijacking).
/// </summary>
internal sealed class SameOriginMiddleware(RequestDelegate next, IOptions<SecurityOptions> options, IOptions<AntiforgeryOptions> antiforgeryOptions)
{
    public async Task InvokeAsync(HttpContext context, IAntiforgery antiforgery)
    {
        var request = context.Request;
        var hub = request.Path.StartsWithSegments("/_blazor");
        var guarded = hub || (IsUnsafe(request.Method) && (request.Path.StartsWithSegments("/api") || request.Path.StartsWithSegments("/account")));
        if (!guarded || IsBearer(request))
        {
            await next(context);
            return;
        }
        var verdict = SameOrigin.Of(request, options.Value.TrustedOrigins);
        var refused = verdict switch
        {
            OriginVerdict.CrossOrigin => true,
            OriginVerdict.Unknown when !hub && request.Cookies.ContainsKey(StudioCookie.Name) => !await HasAntiforgeryTokenAsync(context, antiforgery),
            _ => false,
        };
        if (refused)
        {
            await Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "跨站请求被拒绝 Cross-site request refused",
                detail: "此请求不是从本站页面发出的。请在 PolicyFlow 页面中操作；脚本请使用个人访问令牌（Authorization: Bearer）。" +
                    " This request did not come from a PolicyFlow page (Origin / Sec-Fetch-Site name another site, or a cookie request sent" +
                    " neither header nor an antiforgery token). Act from the Studio, or call the API with a personal access token.")
                .ExecuteAsync(context);
            return;
        }
        await next(context);
    }

    private async Task<bool> HasAntiforgeryTokenAsync(HttpContext context, IAntiforgery antiforgery)
    {
        // Header only: reading a form here would read the body before the size limits apply.
        if (antiforgeryOptions.Value.HeaderName is not { } header || !context.Request.Headers.ContainsKey(header))
        {
            return false;
        }
        return await antiforgery.IsRequestValidAsync(context);
    }

    private static bool IsUnsafe(string method) =>
        !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method) && !HttpMethods.IsTrace(method);

    private static bool IsBearer(HttpRequest request) =>
        request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase);
}
