using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Tokens;

/// <summary>
/// The principal of each token user, built once per version of the user rather than on every request: building it through
/// ASP.NET Identity reads the user's claims, roles, and each role with its claims — four statements of an inbox read's
/// eighteen. A version is the user's security and concurrency stamps, which every change made through the user manager
/// renews (a role added, a lock, an email changed, tokens revoked) and which the handler reads from the database on every
/// request anyway, so a change made on any host is seen at once; roles' claims are never changed at run time. One entry per
/// user, replaced when the user changes.
/// </summary>
internal sealed class TokenPrincipals
{
    private readonly ConcurrentDictionary<string, (string Version, ClaimsPrincipal Principal)> _byUser = new(StringComparer.Ordinal);

    public async Task<ClaimsPrincipal> GetAsync(PolicyFlowUser user, IUserClaimsPrincipalFactory<PolicyFlowUser> factory)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(factory);
        var version = $"{user.SecurityStamp}|{user.ConcurrencyStamp}";
        if (_byUser.TryGetValue(user.Id, out var known) && known.Version == version)
        {
            return known.Principal.Clone();
        }
        var principal = await factory.CreateAsync(user);
        _byUser[user.Id] = (version, principal.Clone());
        return principal;
    }
}
