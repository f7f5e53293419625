using Microsoft.EntityFrameworkCore;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Application.Users;

/// <summary>Revokes every personal access token of a user; the next request with any of them is refused.</summary>
internal sealed class RevokeUserTokens(UserAdminGate gate, AccountsDb accounts, TimeProvider clock)
{
    public const string Operation = "user.tokens";

    /// <summary>How many tokens were still valid and are now revoked.</summary>
    public Task<int> HandleAsync(Caller caller, string userName, CancellationToken cancellationToken = default) =>
        gate.RunAsync(caller, Operation, userName, async (_, user) =>
        {
            var now = clock.GetUtcNow();
            await using var db = accounts.Create();
            return await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), cancellationToken);
        }, cancellationToken);
}
