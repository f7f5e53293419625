using System.Security.Cryptography;
using System.Text;

namespace PolicyFlow.Host.Auth.Tokens;

/// <summary>
/// Tokens are <c>pf_</c> + 32 random bytes (base64url). With that much entropy a plain SHA-256 is enough to store them:
/// a slow hash protects guessable passwords, not random keys, and the lookup by hash must be fast on every request.
/// </summary>
internal static class TokenFormat
{
    public const string Prefix = "pf_";

    public static string NewToken() => Prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32))
        .TrimEnd('=').Replace('+', '-').Replace('/', '_');

    public static string Hash(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

    public static bool LooksLikeToken(string value) => value.StartsWith(Prefix, StringComparison.Ordinal) && value.Length is > 20 and < 100;
}
