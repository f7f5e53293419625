using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>The one rule for warning lights, shared by the API, the UI and the reports (the threshold in force: <see cref="WarningLightRule"/>).</summary>
public static class WarningLights
{
    /// <summary>Days before the due day at which a task turns yellow, unless configured otherwise.</summary>
    public const int DefaultYellowDays = 3;

    /// <summary>
    /// Red from <paramref name="dueAt"/> on; Yellow when the due day is at most <paramref name="yellowDays"/>
    /// Asia/Shanghai calendar days away (so 3 means from the morning the 3-day reminder goes out, and 0 means
    /// on the due day only); Green otherwise and when there is no due date.
    /// </summary>
    public static WarningLight Compute(DateTimeOffset? dueAt, DateTimeOffset now, int yellowDays = DefaultYellowDays)
    {
        var threshold = yellowDays;
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

/// <summary>
/// The warning-light threshold in force — setting <c>Deadlines:YellowDays</c>, checked at start — injected wherever a light
/// is computed, so the API, the Studio and the reports cannot disagree.
/// </summary>
public sealed class WarningLightRule
{
    public const string Section = "Deadlines";

    /// <summary>Days before the due day at which an open task turns yellow (0 = on the due day only).</summary>
    [System.ComponentModel.DataAnnotations.Range(0, 60, ErrorMessage = "Deadlines:YellowDays must be between 0 and 60 days.")]
    public int YellowDays { get; set; } = WarningLights.DefaultYellowDays;

    public WarningLight Of(DateTimeOffset? dueAt, DateTimeOffset now) => WarningLights.Compute(dueAt, now, YellowDays);
}
