using System.Globalization;
using System.Text.RegularExpressions;

namespace PolicyFlow.Policies;

/// <summary>Reads the numbers and dates policy documents write in Arabic or Chinese numerals.</summary>
internal static partial class ChineseNumbers
{
    private const string Digits = "零一二三四五六七八九";

    /// <summary>一 → 1, 十 → 10, 二十三 → 23, 二〇二四 → 2024, "30" → 30; null when not a number.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }
        if (text.All(char.IsAsciiDigit))
        {
            return text.Length <= 6 ? int.Parse(text, CultureInfo.InvariantCulture) : null;
        }
        if (!text.Contains('十', StringComparison.Ordinal) && !text.Contains('百', StringComparison.Ordinal))
        {
            // Digit by digit, as years are written: 二〇二四.
            var value = 0;
            foreach (var c in text)
            {
                var digit = DigitOf(c);
                if (digit < 0)
                {
                    return null;
                }
                value = (value * 10) + digit;
            }
            return value;
        }
        var total = 0;
        var current = 0;
        foreach (var c in text)
        {
            if (c is '十' or '百')
            {
                total += (current == 0 ? 1 : current) * (c == '十' ? 10 : 100);
                current = 0;
                continue;
            }
            var digit = DigitOf(c);
            if (digit < 0)
            {
                return null;
            }
            current = digit;
        }
        return total + current;
    }

    /// <summary>A whole line that is a date, e.g. 2024年7月22日 or 二〇二四年七月二十二日; the suffix is 印发 and the like.</summary>
    public static bool TryParseDateLine(string line, out DateOnly date, out string suffix)
    {
        date = default;
        suffix = "";
        var match = PatternTimeout.Use(DateLine()).Match(PolicyText.RemoveWhitespace(line));
        if (!match.Success || !TryDate(match, out date))
        {
            return false;
        }
        suffix = match.Groups["suffix"].Value;
        return true;
    }

    /// <summary>Reads the y/m/d groups of a match made with <see cref="DatePattern"/>.</summary>
    public static bool TryDate(Match match, out DateOnly date)
    {
        date = default;
        var year = Parse(match.Groups["y"].Value);
        var month = Parse(match.Groups["m"].Value);
        var day = Parse(match.Groups["d"].Value);
        if (year is not (>= 1900 and <= 2999) || month is not (>= 1 and <= 12) || day is null
            || day < 1 || day > DateTime.DaysInMonth(year.Value, month.Value))
        {
            return false;
        }
        date = new DateOnly(year.Value, month.Value, day.Value);
        return true;
    }

    public const string DatePattern =
        "(?<y>[0-9]{4}|[〇○零一二三四五六七八九]{4})年(?<m>[0-9]{1,2}|[一二三四五六七八九十]{1,2})月(?<d>[0-9]{1,2}|[一二三四五六七八九十]{1,3})日";

    private static int DigitOf(char c) => c switch
    {
        '〇' or '○' or 'O' or '0' => 0,
        '两' => 2,
        _ when char.IsAsciiDigit(c) => c - '0',
        _ => Digits.IndexOf(c, StringComparison.Ordinal),
    };

    [GeneratedRegex("^" + DatePattern + "(?<suffix>印发|发布|公布|制发)?$", RegexOptions.None, 1000)]
    private static partial Regex DateLine();
}
