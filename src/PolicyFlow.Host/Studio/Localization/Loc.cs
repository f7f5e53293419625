using System.Globalization;

namespace PolicyFlow.Host.Studio.Localization;

/// <summary>
/// The Studio's text: <c>L["key"]</c> in the current UI culture (zh-CN unless the user switched to English).
/// A missing key shows as the key itself so it is noticed on screen rather than hidden.
/// </summary>
internal sealed class Loc
{
    public string this[string key] => Lookup(key) ?? key;

    public string Format(string key, params object?[] args) => string.Format(CultureInfo.CurrentCulture, this[key], args);

    /// <summary>The text for a value from data (a status, outcome, journal kind): translated when known, else as stored.</summary>
    public string Of(string prefix, string? value) => value is null ? "" : Lookup($"{prefix}.{value}") ?? value;

    public static bool IsEnglish => CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en";

    private static string? Lookup(string key) =>
        Strings.Table.TryGetValue(key, out var text) ? (IsEnglish ? text.En : text.Zh) : null;
}
