using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// A policy's stable id from its 文号, naming the issuer: 浙经信人事〔2024〕151号 → <c>p2024-151-</c> and six hex digits of the
/// issuer's code (浙经信人事), so 浙人社发〔2024〕151号 is another policy. Ids must be ASCII (definition ids derive from them).
/// </summary>
/// <remarks>Policies stored before the issuer was part of the id keep their id (<see cref="Legacy"/>); the publisher finds
/// them under it, so importing such a document again returns the stored policy.</remarks>
public static partial class PolicyIds
{
    private const int MatchTimeoutMs = 1000;

    public static string From(string? documentNumber, string title)
    {
        var match = documentNumber is null ? Match.Empty : YearAndNumber().Match(documentNumber);
        if (match.Success)
        {
            var issuer = Hash(match.Groups["issuer"].Value.Trim())[..6];
            return string.Create(CultureInfo.InvariantCulture, $"p{match.Groups["year"].Value}-{match.Groups["no"].Value}-{issuer}");
        }
        return $"p-{Hash(documentNumber ?? title)[..10]}";
    }

    /// <summary>The id a policy with this 文号 had before ids named the issuer (p2024-151), or null without a 文号.</summary>
    public static string? Legacy(string? documentNumber)
    {
        var match = documentNumber is null ? Match.Empty : YearAndNumber().Match(documentNumber);
        return match.Success ? string.Create(CultureInfo.InvariantCulture, $"p{match.Groups["year"].Value}-{match.Groups["no"].Value}") : null;
    }

    private static string Hash(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    [GeneratedRegex(@"^(?<issuer>[^〔]*)〔(?<year>\d{4})〕第?(?<no>\d+)号", RegexOptions.None, MatchTimeoutMs)]
    private static partial Regex YearAndNumber();
}
