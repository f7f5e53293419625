namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// A return address (<c>returnUrl</c>, the culture switch's <c>redirect</c>) is accepted only if it resolves to this origin.
/// Browsers drop tabs and new lines from a URL and read <c>\</c> as <c>/</c>, so <c>/%09/evil.example</c> and <c>/\evil</c>
/// become <c>//evil…</c>, another site: any control character or backslash is refused, also once more decoded.
/// </summary>
internal static class LocalUrl
{
    private static readonly Uri Origin = new("http://policyflow.invalid/");

    public const string Reason = "返回地址必须是本站的路径（以单个 / 开头，不含 \\ 或控制字符）。 The return address must be a path on this site " +
        "(starting with a single /, without \\ or control characters); links that lead elsewhere are refused.";

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > 2048 || !IsPlainPath(url))
        {
            return false;
        }
        string decoded;
        try
        {
            decoded = Uri.UnescapeDataString(url);
        }
        catch (UriFormatException)
        {
            return false;
        }
        return IsPlainPath(decoded)
            && Uri.TryCreate(Origin, url, out var resolved)
            && resolved.Scheme == Origin.Scheme && resolved.Authority == Origin.Authority;
    }

    private static bool IsPlainPath(string url) =>
        url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c));
}
