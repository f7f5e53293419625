using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyFlow.Host.Auth;

/// <summary>Adds the user's agency to the principal, so access checks need no database read for it.</summary>
internal sealed class ClaimsFactory(UserManager<PolicyFlowUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<PolicyFlowUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(PolicyFlowUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(PolicyFlowClaims.Agency, user.AgencyId));
        return identity;
    }
}
