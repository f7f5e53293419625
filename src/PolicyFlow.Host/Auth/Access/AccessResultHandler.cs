using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;
using Microsoft.AspNetCore.Mvc;
using PolicyFlow.Host.Auth.Audit;

namespace PolicyFlow.Host.Auth.Access;

/// <summary>Turns a <see cref="HiddenReason"/> refusal into the same 404 a missing resource gives; the rest as usual (401 / 403).</summary>
internal sealed class AccessResultHandler(IProblemDetailsService problems) : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public async Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(authorizeResult);
        if (authorizeResult.Succeeded)
        {
            await next(context);
            return;
        }
        RefusalMark.Set(context);
        if (authorizeResult.Forbidden && authorizeResult.AuthorizationFailure?.FailureReasons.Any(r => r is HiddenReason) == true)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            await problems.WriteAsync(new ProblemDetailsContext
            {
                HttpContext = context,
                ProblemDetails = new ProblemDetails { Status = 404, Title = "未找到 Not found", Detail = "The resource does not exist." },
            });
            return;
        }
        await _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
