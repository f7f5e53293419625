using Microsoft.AspNetCore.Identity;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>Checks a password with lockout; an unknown user costs the same hash as a known one, so timing tells nothing.</summary>
internal static class PasswordCheck
{
    private static readonly PolicyFlowUser Nobody = new() { UserName = "nobody" };
    private static readonly Lazy<string> NobodyHash = new(() => new PasswordHasher<PolicyFlowUser>().HashPassword(Nobody, Guid.NewGuid().ToString()));

    public static async Task<PolicyFlowUser?> CheckAsync(SignInManager<PolicyFlowUser> signIn, string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await signIn.UserManager.FindByNameAsync(userName.Trim());
        if (user is null)
        {
            signIn.UserManager.PasswordHasher.VerifyHashedPassword(Nobody, NobodyHash.Value, password ?? "");
            return null;
        }
        var result = await signIn.CheckPasswordSignInAsync(user, password ?? "", lockoutOnFailure: true);
        return result.Succeeded ? user : null;
    }
}
