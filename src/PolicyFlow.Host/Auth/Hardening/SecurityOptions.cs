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

    /// <summary>
    /// Addresses of the reverse proxies in front of the hosts (<c>10.0.0.5</c>). Only a request from one of them has its
    /// <c>X-Forwarded-For</c> / <c>X-Forwarded-Proto</c> believed, so the sign-in limit and the audit see the real client;
    /// with none, forwarded headers are ignored (a client cannot spoof its address).
    /// </summary>
    public string[] KnownProxies { get; set; } = [];
}
