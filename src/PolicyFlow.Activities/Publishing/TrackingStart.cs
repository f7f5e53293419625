using System.Globalization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// 交办日期: a policy imported or launched after it took effect is tracked from this day, so no task is born overdue.
/// It may not be before the effective date (it would change nothing) nor more than a year ahead.
/// </summary>
public static class TrackingStart
{
    public const int MaxDaysAhead = 366;

    /// <summary>Whether a policy effective on <paramref name="effectiveOn"/> needs a tracking start when handled at <paramref name="now"/>.</summary>
    public static bool Needed(DateOnly? effectiveOn, DateTimeOffset now) => effectiveOn is { } day && ChinaTime.DateOf(now) > day;

    /// <summary>The default: the day it is launched (today in Shanghai).</summary>
    public static DateOnly Default(DateTimeOffset now) => ChinaTime.DateOf(now);

    /// <summary>Null when <paramref name="start"/> is acceptable (or not given), else the reason in Chinese and English.</summary>
    public static (DateOnly? Value, string? Problem) Check(DateOnly? start, DateOnly? effectiveOn, DateTimeOffset now)
    {
        if (start is not { } day)
        {
            return (null, null);
        }
        if (effectiveOn is { } effective && day < effective)
        {
            return (null, $"交办日期 {Text(day)} 早于施行日期 {Text(effective)}，请不填或填写施行日期之后的日期。"
                + $" The tracking start {Text(day)} is before the effective date {Text(effective)}: leave it out or give a later day.");
        }
        var latest = ChinaTime.DateOf(now).AddDays(MaxDaysAhead);
        if (day > latest)
        {
            return (null, $"交办日期 {Text(day)} 晚于一年之后（{Text(latest)}）。 The tracking start {Text(day)} is more than a year ahead ({Text(latest)}).");
        }
        return (day, null);
    }

    /// <summary>The instance variable's value: 00:00 Asia/Shanghai on the day.</summary>
    public static string Variable(DateOnly day) =>
        ChinaTime.StartOfDay(day).ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture);

    private static string Text(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
