using System.Globalization;

namespace PolicyFlow.Host.Studio.Components;

/// <summary>Calendar dates (成文日期, 施行日期) as ISO dates, which read the same in Chinese and English.</summary>
internal static class Dates
{
    public static string Format(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "—";
}
