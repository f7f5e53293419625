namespace PolicyFlow.Activities.Deadlines;

/// <summary>How a relative due rule counts days (JSON: "calendar" | "working").</summary>
public enum DueUnit
{
    /// <summary>Every day counts (日).</summary>
    Calendar,

    /// <summary>Only working days count (工作日), per <see cref="Calendar.WorkingCalendar"/>.</summary>
    Working,
}
