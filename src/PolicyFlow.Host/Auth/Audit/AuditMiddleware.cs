using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Audit;

/// <summary>
/// Records every state change that succeeded (POST/PUT/PATCH/DELETE &lt; 400) and every refusal (401, 403, a rule's hidden
/// 404, 429) on the API, the account pages and the Hangfire dashboard, with user, time, method, path, status and address.
/// </summary>
internal sealed class AuditMiddleware(RequestDelegate next, AccountsDb accounts, TimeProvider clock, ILogger<AuditMiddleware> logger)
{
    private const int MaxPath = 2048;

    public async Task InvokeAsync(HttpContext context)
    {
        try
        {
            await next(context);
        }
        catch (Application.AccessDeniedException)
        {
            // The exception handler, outside this middleware, turns it into the 403; the refusal is recorded here first.
            await WriteAsync(context, StatusCodes.Status403Forbidden);
            throw;
        }
        await WriteAsync(context, context.Response.StatusCode);
    }

    private async Task WriteAsync(HttpContext context, int status)
    {
        var path = context.Request.Path;
        if (!path.StartsWithSegments("/api") && !path.StartsWithSegments("/account") && !path.StartsWithSegments("/hangfire"))
        {
            return;
        }
        var refused = status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden or StatusCodes.Status429TooManyRequests
            || (status == StatusCodes.Status404NotFound && RefusalMark.IsSet(context));
        var changed = status < 400 && !HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method)
            && !HttpMethods.IsOptions(context.Request.Method);
        if ((!refused && !changed) || Application.UseCaseAudit.WroteFor(context))
        {
            return;
        }
        // An endpoint that adapts a use case is audited as the use case audits itself, however far the request got.
        var useCase = Access.AccessRules.For(context) is { Operation: not null } rule ? rule : null;
        var fullPath = useCase?.SubjectOf(context) ?? path.Value + context.Request.QueryString.Value;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = Truncate(AuditSubject.Of(context), 256),
            Method = Truncate(useCase?.Operation ?? context.Request.Method, AuditEntry.MaxOperation),
            Path = Truncate(fullPath, MaxPath),
            Status = status,
            Refused = refused,
            RemoteAddress = context.Connection.RemoteIpAddress?.ToString(),
        };
        try
        {
            await accounts.AddAuditAsync(entry, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Audit entry for {Method} {Path} ({Status}) could not be written", entry.Method, entry.Path, status);
        }
    }

    private static string Truncate(string value, int max) => value.Length <= max ? value : value[..max];
}
