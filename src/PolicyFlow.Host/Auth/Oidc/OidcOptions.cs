namespace PolicyFlow.Host.Auth;

/// <summary>
/// OpenID Connect sign-in through a provincial SSO; registered only when <see cref="Authority"/> is set. The SSO proves who
/// the person is; the PolicyFlow account (agency, roles) is found by <see cref="UserClaim"/> matched to a user name, or to an
/// email address when <see cref="MatchEmail"/> is set. Nobody gets an account just by signing in at the SSO.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim naming the person, e.g. <c>preferred_username</c> or <c>email</c>.</summary>
    public string UserClaim { get; set; } = "preferred_username";

    public bool MatchEmail { get; set; }

    public string DisplayName { get; set; } = "浙江政务统一身份认证 Provincial SSO";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
