using Microsoft.AspNetCore.Identity;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Users;

/// <summary>A user as the API shows them; never the password hash or the security stamp.</summary>
internal sealed record UserView(string Id, string UserName, string? Email, string? DisplayName, string AgencyId, IList<string> Roles, DateTimeOffset? LockoutEnd)
{
    public static async Task<UserView> FromAsync(PolicyFlowUser user, UserManager<PolicyFlowUser> users) =>
        new(user.Id, user.UserName ?? "", user.Email, user.DisplayName, user.AgencyId, await users.GetRolesAsync(user), user.LockoutEnd);
}
