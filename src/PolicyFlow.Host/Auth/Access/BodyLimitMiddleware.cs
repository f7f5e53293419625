using Microsoft.AspNetCore.Http.Features;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>
/// Request bodies on the API are limited to 1 MB unless the endpoint's rule says otherwise (policy imports 11 MB, attachments
/// 20 MB); the rest of the site keeps Kestrel's default. A larger body is refused with 413 before it is read: at once when its
/// Content-Length says so (whatever server runs the host), else by the server while reading.
/// </summary>
internal sealed class BodyLimitMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            var limit = AccessRules.For(context)?.MaxBodyBytes ?? AccessRules.DefaultMaxBodyBytes;
            if (context.Request.ContentLength > limit)
            {
                await Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "请求过大 Request too large",
                    detail: $"请求正文超过 {limit / (1024 * 1024)} MB 的上限。 The request body is larger than this endpoint's limit of {limit:N0} bytes.")
                    .ExecuteAsync(context);
                return;
            }
            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            {
                feature.MaxRequestBodySize = limit;
            }
        }
        await next(context);
    }
}
