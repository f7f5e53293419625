using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>The one rule for warning lights, shared by the API, the UI and the reports.</summary>
public static class WarningLights
{
    /// <summary>Days before the due day at which a task turns yellow, unless configured otherwise.</summary>
    public const int DefaultYellowDays = 3;

    /// <summary>
    /// The threshold in force (setting <c>Deadlines:YellowDays</c>, applied once at start): one value for the whole
    /// process, so the API, the Studio and the reports cannot disagree.
    /// </summary>
    public static int YellowDays
    {
        get => _yellowDays;
        set
        {
            ArgumentOutOfRangeException.ThrowIfNegative(value);
            ArgumentOutOfRangeException.ThrowIfGreaterThan(value, 60);
            _yellowDays = value;
        }
    }

    private static int _yellowDays = DefaultYellowDays;

    /// <summary>
    /// Red from <paramref name="dueAt"/> on; Yellow when the due day is at most <paramref name="yellowDays"/>
    /// Asia/Shanghai calendar days away (so 3 means from the morning the 3-day reminder goes out, and 0 means
    /// on the due day only); Green otherwise and when there is no due date.
    /// </summary>
    public static WarningLight Compute(DateTimeOffset? dueAt, DateTimeOffset now, int? yellowDays = null)
    {
        var threshold = yellowDays ?? YellowDays;
        ArgumentOutOfRangeException.ThrowIfNegative(threshold);
        if (dueAt is not { } due)
        {
            return WarningLight.Green;
        }
        if (now >= due)
        {
            return WarningLight.Red;
        }
        var daysLeft = DueDay.Of(due).DayNumber - ChinaTime.DateOf(now).DayNumber;
        return daysLeft <= threshold ? WarningLight.Yellow : WarningLight.Green;
    }
}
