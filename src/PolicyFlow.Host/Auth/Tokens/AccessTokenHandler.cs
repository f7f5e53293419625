using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Tokens;

/// <summary>
/// <c>Authorization: Bearer pf_…</c>. The token's hash is looked up in the database on every request, with no cache, so a
/// revoked or expired token — or a locked-out user — stops working at once. The user is read on every request too; only the
/// principal built from it is kept, per version of the user (<see cref="TokenPrincipals"/>).
/// </summary>
internal sealed class AccessTokenHandler(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    AccountsDbContext db, UserManager<PolicyFlowUser> users, IUserClaimsPrincipalFactory<PolicyFlowUser> principals, TokenPrincipals known, TimeProvider clock)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "PolicyFlowToken";

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var header = Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return AuthenticateResult.NoResult();
        }
        var token = header["Bearer ".Length..].Trim();
        if (!TokenFormat.LooksLikeToken(token))
        {
            return AuthenticateResult.Fail("Not a PolicyFlow access token.");
        }
        var hash = TokenFormat.Hash(token);
        var now = clock.GetUtcNow();
        var row = await db.AccessTokens.AsNoTracking().FirstOrDefaultAsync(t => t.Hash == hash, Context.RequestAborted);
        if (row is null || row.RevokedAt is not null || row.ExpiresAt <= now)
        {
            return AuthenticateResult.Fail("The access token is unknown, revoked or expired.");
        }
        var user = await users.FindByIdAsync(row.UserId);
        if (user is null || await users.IsLockedOutAsync(user))
        {
            return AuthenticateResult.Fail("The token's user is locked out or no longer exists.");
        }
        var principal = await known.GetAsync(user, principals);
        return AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName));
    }
}
