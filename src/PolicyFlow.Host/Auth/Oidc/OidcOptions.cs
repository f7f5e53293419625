namespace PolicyFlow.Host.Auth;

/// <summary>
/// OpenID Connect sign-in through a provincial SSO; registered only when <see cref="Authority"/> is set. The SSO proves who
/// the person is; the PolicyFlow account (agency, roles) is found by <see cref="UserClaim"/> matched to a user name, or by
/// the <c>email</c> claim when <see cref="MatchEmail"/> is set and the provider says <c>email_verified</c>. The first sign-in
/// links the provider's subject to the account, which later sign-ins find by that link. Nobody gets an account just by
/// signing in at the SSO.
/// </summary>
public sealed class OidcOptions
{
    public string? Authority { get; set; }
    public string? ClientId { get; set; }
    public string? ClientSecret { get; set; }

    /// <summary>The claim naming the person, e.g. <c>preferred_username</c>, matched to a PolicyFlow user name.</summary>
    public string UserClaim { get; set; } = "preferred_username";

    /// <summary>Match the <c>email</c> claim to an account's address instead, only when the provider has verified it.</summary>
    public bool MatchEmail { get; set; }

    /// <summary>Refuse a provider whose metadata is not served over HTTPS; only a provider on this machine may be plain HTTP.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public string DisplayName { get; set; } = "浙江政务统一身份认证 Provincial SSO";

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
