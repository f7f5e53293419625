using Microsoft.AspNetCore.Identity;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>Creates the roles and users; Identity's refusals (weak password, taken name) become a 400 saying why.</summary>
internal static class AccountSetup
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                Check(await roles.CreateAsync(new IdentityRole(role)));
            }
        }
    }

    /// <summary>Creates <paramref name="user"/> with <paramref name="password"/> checked against the password rules.</summary>
    public static async Task CreateAsync(UserManager<PolicyFlowUser> users, PolicyFlowUser user, string password, string role)
    {
        Check(await users.CreateAsync(user, password));
        Check(await users.AddToRoleAsync(user, role));
    }

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw EngineException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
