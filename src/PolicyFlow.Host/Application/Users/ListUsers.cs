using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Application.Users;

/// <summary>One line of the users page: who, which agency, roles, locked or not, the last sign-in the audit knows, live tokens.</summary>
internal sealed record UserRow(string UserName, string? DisplayName, string? Email, string AgencyId, string AgencyName, IReadOnlyList<string> Roles,
    bool Locked, DateTimeOffset? LockoutEnd, DateTimeOffset? LastSignIn, int ActiveTokens);

/// <summary>Every account, for administrators. The last sign-in is read from the audit (password or SSO), so it is "if known".</summary>
internal sealed class ListUsers(AccountsDb accounts, AgencyCatalog catalog, TimeProvider clock, UseCaseAudit audit)
{
    public const string Operation = "user.list";

    public async Task<IReadOnlyList<UserRow>> HandleAsync(Caller caller, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        await audit.RequireAsync(caller, Capabilities.UserAdmin, Operation, "/users", cancellationToken, UserAdminGate.Refusal);
        await using var db = accounts.Create();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.UserName).ToListAsync(cancellationToken);
        var roles = (await (from ur in db.UserRoles join r in db.Roles on ur.RoleId equals r.Id select new { ur.UserId, r.Name }).ToListAsync(cancellationToken))
            .ToLookup(x => x.UserId, x => x.Name ?? "");
        var now = clock.GetUtcNow();
        var tokens = (await db.AccessTokens.AsNoTracking().Where(t => t.RevokedAt == null).Select(t => new { t.UserId, t.ExpiresAt }).ToListAsync(cancellationToken))
            .Where(t => t.ExpiresAt > now).GroupBy(t => t.UserId).ToDictionary(g => g.Key, g => g.Count());
        var signIns = (await db.Audit.AsNoTracking()
                .Where(a => !a.Refused && ((a.Method == "POST" && a.Path == "/api/account/login") || a.Method == Auth.OidcSignIn.Operation))
                .GroupBy(a => a.UserName).Select(g => new { UserName = g.Key, At = g.Max(a => a.At) }).ToListAsync(cancellationToken))
            .ToDictionary(s => s.UserName, s => s.At, StringComparer.OrdinalIgnoreCase);
        return users.Select(u => new UserRow(u.UserName ?? "", u.DisplayName, u.Email, u.AgencyId, catalog.Find(u.AgencyId)?.Name ?? u.AgencyId,
                roles[u.Id].Order(StringComparer.Ordinal).ToList(), u.LockoutEnd is { } end && end > now, u.LockoutEnd,
                signIns.TryGetValue(u.UserName ?? "", out var at) ? at : null, tokens.GetValueOrDefault(u.Id)))
            .ToList();
    }
}
