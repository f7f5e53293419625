using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace PolicyFlow.Activities.Publishing;

/// <summary>A policy's readable, stable id from its 文号: 浙经信人事〔2024〕151号 → <c>p2024-151</c>.</summary>
public static partial class PolicyIds
{
    public static string From(string? documentNumber, string title)
    {
        var match = documentNumber is null ? Match.Empty : YearAndNumber().Match(documentNumber);
        if (match.Success)
        {
            return string.Create(CultureInfo.InvariantCulture, $"p{match.Groups[1].Value}-{match.Groups[2].Value}");
        }
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(documentNumber ?? title)))[..10];
        return $"p-{hash}";
    }

    [GeneratedRegex(@"〔(\d{4})〕(\d+)号")]
    private static partial Regex YearAndNumber();
}
