namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>What the browser says about where a request came from: <c>Sec-Fetch-Site</c> first, then <c>Origin</c>.</summary>
internal enum OriginVerdict
{
    /// <summary>Neither header: not a browser (or a very old one).</summary>
    Unknown,
    SameOrigin,
    CrossOrigin,
}

internal static class SameOrigin
{
    public static OriginVerdict Of(HttpRequest request, IReadOnlyCollection<string> trustedOrigins)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        var origin = request.Headers.Origin.ToString();
        if (site.Length == 0 && origin.Length == 0)
        {
            return OriginVerdict.Unknown;
        }
        // "same-site" is exactly what a page on a sibling sub-domain sends: not good enough.
        if (site.Length > 0 && !string.Equals(site, "same-origin", StringComparison.OrdinalIgnoreCase))
        {
            return OriginVerdict.CrossOrigin;
        }
        if (origin.Length > 0 && !IsOwn(origin, request, trustedOrigins))
        {
            return OriginVerdict.CrossOrigin;
        }
        return OriginVerdict.SameOrigin;
    }

    private static bool IsOwn(string origin, HttpRequest request, IReadOnlyCollection<string> trustedOrigins)
    {
        var own = $"{request.Scheme}://{request.Host.Value}";
        return string.Equals(origin, own, StringComparison.OrdinalIgnoreCase)
            || trustedOrigins.Any(t => string.Equals(origin, t.TrimEnd('/'), StringComparison.OrdinalIgnoreCase));
    }
}
