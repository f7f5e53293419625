using System.Security.Claims;

namespace PolicyFlow.Host.Auth;

/// <summary>Who the provider says signed in: its subject, the configured claim, the email address and whether it verified it.</summary>
internal sealed record SsoIdentity(string? Subject, string? Claimed, string? Email, bool EmailVerified)
{
    public static SsoIdentity From(ClaimsPrincipal? principal, OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        // A provider sends email_verified as a JSON boolean; some send the string "true". Anything else is "not verified".
        var verified = bool.TryParse(principal?.FindFirstValue("email_verified"), out var v) && v;
        return new SsoIdentity(principal?.FindFirstValue("sub"), principal?.FindFirstValue(options.UserClaim), principal?.FindFirstValue("email"), verified);
    }

    /// <summary>How the audit names the person before (or instead of) a PolicyFlow account.</summary>
    public string AuditName => "sso:" + (Claimed ?? Email ?? Subject ?? "unknown");

    public string Describe() => $"subject={Subject} claim={Claimed} email={Email} email_verified={EmailVerified.ToString().ToLowerInvariant()}";
}
