using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Audit;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Application;

/// <summary>
/// The audit entry a use case writes — who, when, from where, which operation on what, allowed or refused — the same
/// whether the API or the Studio called it. An HTTP request whose use case audited itself is not audited again by the
/// middleware.
/// </summary>
internal sealed class UseCaseAudit(AccountsDb accounts, TimeProvider clock, IHttpContextAccessor http, ILogger<UseCaseAudit> logger)
{
    private static readonly object Marker = new();

    public static bool WroteFor(HttpContext context) => context?.Items.ContainsKey(Marker) == true;

    public async Task WriteAsync(Caller caller, string operation, string subject, int status, CancellationToken cancellationToken = default,
        bool? refused = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        var context = http.HttpContext;
        var entry = new AuditEntry
        {
            At = clock.GetUtcNow(),
            UserName = caller.IsAuthenticated ? caller.UserName : "anonymous",
            Method = operation.Length <= AuditEntry.MaxOperation ? operation : operation[..AuditEntry.MaxOperation],
            Path = subject.Length <= 2048 ? subject : subject[..2048],
            Status = status,
            Refused = refused ?? status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden,
            // A Studio circuit has no request of its own; its address is the one it connected from.
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString() ?? "studio",
        };
        try
        {
            await accounts.AddAuditAsync(entry, cancellationToken);
            if (context is not null && (context.Request.Path.StartsWithSegments("/api") || context.Request.Path.StartsWithSegments("/account")))
            {
                context.Items[Marker] = true;
            }
        }
        catch (Exception ex) when (ex is Microsoft.EntityFrameworkCore.DbUpdateException or InvalidOperationException)
        {
            logger.LogError(ex, "Audit entry for {Operation} {Subject} ({Status}) could not be written", operation, subject, status);
        }
    }

    /// <summary>
    /// The capability check every use case starts with: a caller without <paramref name="capability"/> is refused — audited,
    /// then <see cref="AccessDeniedException"/> — before anything is read or changed.
    /// </summary>
    /// <param name="refusal">What the refused caller is told; by default, the capability it lacks.</param>
    public async Task RequireAsync(Caller caller, string capability, string operation, string subject, CancellationToken cancellationToken,
        string? refusal = null)
    {
        ArgumentNullException.ThrowIfNull(caller);
        if (Capabilities.Has(caller, capability))
        {
            return;
        }
        await WriteAsync(caller, operation, subject, caller.IsAuthenticated ? StatusCodes.Status403Forbidden : StatusCodes.Status401Unauthorized,
            cancellationToken, refused: true);
        throw new AccessDeniedException(refusal ?? $"此操作需要权限 {capability}。 This needs the capability {capability}.");
    }

    /// <summary>
    /// Runs a use case's change and audits its outcome: done (200), or refused with the status its reason gives (a
    /// malformed definition or document, a conflict, a missing id). A fault of ours is not a refusal: it is logged, not audited.
    /// </summary>
    public async Task<T> AuditedAsync<T>(Caller caller, string operation, string subject, Func<Task<T>> action, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(action);
        try
        {
            var result = await action();
            await WriteAsync(caller, operation, subject, StatusCodes.Status200OK, cancellationToken);
            return result;
        }
        catch (Exception ex) when (RefusalStatus(ex) is { } status)
        {
            await WriteAsync(caller, operation, subject, status, cancellationToken, refused: true);
            throw;
        }
    }

    /// <summary>Both steps: the capability, then the audited change.</summary>
    public async Task<T> RunAsync<T>(Caller caller, string capability, string operation, string subject, Func<Task<T>> action,
        CancellationToken cancellationToken)
    {
        await RequireAsync(caller, capability, operation, subject, cancellationToken);
        return await AuditedAsync(caller, operation, subject, action, cancellationToken);
    }

    /// <summary>The HTTP status of a refusal (the same the API answers with, see <see cref="Refusal"/>), or null when the exception is a fault.</summary>
    public static int? RefusalStatus(Exception exception) => Refusal.Of(exception)?.Status;
}
