namespace PolicyFlow.Activities.Calendar;

/// <summary>Converts between instants and the Asia/Shanghai calendar that deadlines are written in.</summary>
public static class ChinaTime
{
    /// <summary>Asia/Shanghai, or a fixed UTC+08:00 zone where the host has no time-zone database.</summary>
    public static TimeZoneInfo Zone { get; } = FindZone();

    /// <summary>00:00 Asia/Shanghai on <paramref name="date"/>.</summary>
    public static DateTimeOffset StartOfDay(DateOnly date) => At(date, TimeOnly.MinValue);

    /// <summary>The Asia/Shanghai wall-clock time <paramref name="time"/> on <paramref name="date"/>.</summary>
    public static DateTimeOffset At(DateOnly date, TimeOnly time)
    {
        var local = date.ToDateTime(time, DateTimeKind.Unspecified);
        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    /// <summary>The Asia/Shanghai calendar date of <paramref name="instant"/>.</summary>
    public static DateOnly DateOf(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private static TimeZoneInfo FindZone()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            // Slim containers ship without tzdata; China has kept UTC+08:00 without DST since 1992.
            return TimeZoneInfo.CreateCustomTimeZone("Asia/Shanghai", TimeSpan.FromHours(8), "China Standard Time", "China Standard Time");
        }
    }
}
