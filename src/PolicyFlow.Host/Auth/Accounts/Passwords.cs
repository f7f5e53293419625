using System.Security.Cryptography;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>The password rules (≥ 10 characters, upper, lower, digit and symbol) and a generator that meets them.</summary>
internal static class Passwords
{
    public const int MinLength = 10;

    private const string Upper = "ABCDEFGHJKLMNPQRSTUVWXYZ";
    private const string Lower = "abcdefghijkmnopqrstuvwxyz";
    private const string Digits = "23456789";
    private const string Symbols = "-_.!#%+";

    /// <summary>20 characters from every class, without look-alikes (0/O, 1/l) so it can be read out.</summary>
    public static string Generate()
    {
        const string all = Upper + Lower + Digits + Symbols;
        var chars = new char[20];
        chars[0] = Upper[RandomNumberGenerator.GetInt32(Upper.Length)];
        chars[1] = Lower[RandomNumberGenerator.GetInt32(Lower.Length)];
        chars[2] = Digits[RandomNumberGenerator.GetInt32(Digits.Length)];
        chars[3] = Symbols[RandomNumberGenerator.GetInt32(Symbols.Length)];
        for (var i = 4; i < chars.Length; i++)
        {
            chars[i] = all[RandomNumberGenerator.GetInt32(all.Length)];
        }
        RandomNumberGenerator.Shuffle(chars.AsSpan());
        return new string(chars);
    }
}
