using Microsoft.AspNetCore.Http.Features;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>
/// Request bodies on the API are limited to 1 MB unless the endpoint's rule says otherwise (policy imports 11 MB, attachments
/// 20 MB); the rest of the site keeps Kestrel's default. A larger body is refused with 413 before it is read.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api") && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = AccessRules.For(context)?.MaxBodyBytes ?? AccessRules.DefaultMaxBodyBytes;
        }
        return next(context);
    }
}
