using Microsoft.AspNetCore.Identity;

namespace PolicyFlow.Host.Auth;

/// <summary>How an SSO sign-in found its PolicyFlow account, or why it found none.</summary>
internal enum SsoOutcome
{
    Linked,
    MatchedUserName,
    MatchedEmail,
    NoSubject,
    NoClaim,
    EmailNotVerified,
    UnknownPerson,
    Locked,
}

/// <summary>
/// Finds the account of an SSO identity: by the link an earlier sign-in made (provider subject), else by user name or — with
/// <see cref="OidcOptions.MatchEmail"/> — by a verified email address, linking the subject to the account found. An
/// unverified address matches nothing and links nothing: anyone can type any address into a provider's profile.
/// </summary>
internal static class SsoAccountMatch
{
    public static async Task<(PolicyFlowUser? User, SsoOutcome Outcome)> FindAsync(UserManager<PolicyFlowUser> users, SsoIdentity identity,
        OidcOptions options)
    {
        ArgumentNullException.ThrowIfNull(users);
        ArgumentNullException.ThrowIfNull(identity);
        ArgumentNullException.ThrowIfNull(options);
        if (string.IsNullOrWhiteSpace(identity.Subject))
        {
            return (null, SsoOutcome.NoSubject);
        }
        var (user, outcome) = await FindUnlockedAsync(users, identity, options);
        if (user is not null && await users.IsLockedOutAsync(user))
        {
            return (user, SsoOutcome.Locked);
        }
        if (user is not null && outcome != SsoOutcome.Linked)
        {
            var linked = await users.AddLoginAsync(user, new UserLoginInfo(OidcSignIn.Scheme, identity.Subject, options.DisplayName));
            if (!linked.Succeeded)
            {
                throw new InvalidOperationException("Linking the SSO subject failed: " + string.Join(" ", linked.Errors.Select(e => e.Description)));
            }
        }
        return (user, outcome);
    }

    private static async Task<(PolicyFlowUser? User, SsoOutcome Outcome)> FindUnlockedAsync(UserManager<PolicyFlowUser> users, SsoIdentity identity,
        OidcOptions options)
    {
        if (await users.FindByLoginAsync(OidcSignIn.Scheme, identity.Subject!) is { } linked)
        {
            return (linked, SsoOutcome.Linked);
        }
        if (options.MatchEmail)
        {
            if (string.IsNullOrWhiteSpace(identity.Email))
            {
                return (null, SsoOutcome.NoClaim);
            }
            if (!identity.EmailVerified)
            {
                return (null, SsoOutcome.EmailNotVerified);
            }
            return await users.FindByEmailAsync(identity.Email) is { } byEmail ? (byEmail, SsoOutcome.MatchedEmail) : (null, SsoOutcome.UnknownPerson);
        }
        if (string.IsNullOrWhiteSpace(identity.Claimed))
        {
            return (null, SsoOutcome.NoClaim);
        }
        return await users.FindByNameAsync(identity.Claimed) is { } byName ? (byName, SsoOutcome.MatchedUserName) : (null, SsoOutcome.UnknownPerson);
    }
}
