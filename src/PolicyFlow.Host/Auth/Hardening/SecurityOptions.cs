namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>The <c>Security</c> section: origins besides the host's own that may send cookie requests.</summary>
public sealed class SecurityOptions
{
    public const string Section = "Security";

    /// <summary>
    /// Extra origins (<c>https://policyflow.zj.gov.cn</c>) accepted as "same origin" — for a reverse proxy that terminates TLS
    /// or rewrites the host without forwarded headers. The request's own scheme and host are always accepted.
    /// </summary>
    public string[] TrustedOrigins { get; set; } = [];
}
