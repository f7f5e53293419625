using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>
/// Whether a session's user is still the account it signed in as: it exists, is not locked out and has the same security
/// stamp (renewed by a lock, a password or role change and a sign-out). The sign-in cookie is checked every
/// <c>Authentication:SessionRevalidationSeconds</c>, as is a Studio circuit (<see cref="RevalidatingAccountStateProvider"/>).
/// Identity's own SecurityStampValidator is not used: on rejection it signs out two-factor schemes this host does not have.
/// </summary>
internal static class SessionCheck
{
    public static async Task<bool> IsStillValidAsync(IServiceProvider services, ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(user);
        var users = services.GetRequiredService<UserManager<PolicyFlowUser>>();
        var account = await users.GetUserAsync(user);
        if (account is null || await users.IsLockedOutAsync(account))
        {
            return false;
        }
        var stampClaim = services.GetRequiredService<IOptions<IdentityOptions>>().Value.ClaimsIdentity.SecurityStampClaimType;
        return !users.SupportsUserSecurityStamp || user.FindFirstValue(stampClaim) == await users.GetSecurityStampAsync(account);
    }

    /// <summary>The cookie's <c>OnValidatePrincipal</c>: once the interval has passed since the last check, check again.</summary>
    public static async Task ValidateCookieAsync(CookieValidatePrincipalContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var services = context.HttpContext.RequestServices;
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        var interval = TimeSpan.FromSeconds(services.GetRequiredService<IOptions<AuthOptions>>().Value.SessionRevalidationSeconds);
        var checkedAt = context.Properties.GetString(CheckedAt) is { } text && long.TryParse(text, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : context.Properties.IssuedUtc ?? now;
        if (now - checkedAt < interval || context.Principal is null)
        {
            return;
        }
        if (!await IsStillValidAsync(services, context.Principal))
        {
            context.RejectPrincipal();
            await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            return;
        }
        context.Properties.SetString(CheckedAt, now.ToUnixTimeMilliseconds().ToString(System.Globalization.CultureInfo.InvariantCulture));
        context.ShouldRenew = true;
    }

    private const string CheckedAt = "pf.checked";
}
