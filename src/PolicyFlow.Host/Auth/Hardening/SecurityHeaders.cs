namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// The headers on every answer. The CSP allows what the Studio loads — Blazor's and MudBlazor's scripts, AntV X6 and the
/// designer from wwwroot, the circuit's WebSocket to this origin — and no inline script except the import map, which
/// carries the request's nonce. Inline styles stay allowed: MudBlazor and X6 set <c>style</c> attributes.
/// </summary>
internal static class SecurityHeaders
{
    public static void Configure(HeaderPolicyCollection policies) => policies
        .AddContentTypeOptionsNoSniff()
        .AddFrameOptionsDeny()
        .AddReferrerPolicyStrictOriginWhenCrossOrigin()
        .AddCrossOriginOpenerPolicy(o => o.SameOrigin())
        .AddCrossOriginResourcePolicy(o => o.SameOrigin())
        .RemoveServerHeader()
        .AddContentSecurityPolicy(csp =>
        {
            csp.AddDefaultSrc().Self();
            csp.AddScriptSrc().Self().WithNonce();
            csp.AddStyleSrc().Self().UnsafeInline();
            csp.AddImgSrc().Self().Data();
            csp.AddFontSrc().Self().Data();
            csp.AddConnectSrc().Self();
            csp.AddObjectSrc().None();
            csp.AddBaseUri().Self();
            csp.AddFormAction().Self();
            csp.AddFrameAncestors().None();
        });
}
