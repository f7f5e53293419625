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
            Method = operation.Length <= 16 ? operation : operation[..16],
            Path = subject.Length <= 2048 ? subject : subject[..2048],
            Status = status,
            Refused = refused ?? status is StatusCodes.Status401Unauthorized or StatusCodes.Status403Forbidden,
            // A Studio circuit has no request of its own; its address is the one it connected from.
            RemoteAddress = context?.Connection.RemoteIpAddress?.ToString() ?? "studio",
        };
        try
        {
            await using var db = accounts.Create();
            db.Audit.Add(entry);
            await db.SaveChangesAsync(cancellationToken);
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
}
