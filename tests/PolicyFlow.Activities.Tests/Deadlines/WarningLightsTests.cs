using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Activities.Tests.Deadlines;

public sealed class WarningLightsTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    // Due on 14 October: overdue from 15 October 00:00 Beijing time.
    private static readonly DateTimeOffset DueAt = DueDay.ToDueAt(new DateOnly(2025, 10, 14));

    private static DateTimeOffset At(int day, int hour, int minute = 0, int second = 0) =>
        new(2025, 10, day, hour, minute, second, Beijing);

    [Fact]
    public void Compute_WithoutADueDate_IsGreen()
    {
        Assert.Equal(WarningLight.Green, WarningLights.Compute(null, At(20, 0)));
    }

    [Fact]
    public void Compute_UntilTheEndOfTheFourthDayBefore_IsGreen()
    {
        Assert.Equal(WarningLight.Green, WarningLights.Compute(DueAt, At(10, 23, 59, 59)));
    }

    [Fact]
    public void Compute_FromTheThirdDayBeforeToTheLastSecondOfTheDueDay_IsYellow()
    {
        Assert.Equal(WarningLight.Yellow, WarningLights.Compute(DueAt, At(11, 0)));
        Assert.Equal(WarningLight.Yellow, WarningLights.Compute(DueAt, At(14, 23, 59, 59)));
    }

    [Fact]
    public void Compute_FromMidnightAfterTheDueDay_IsRed()
    {
        Assert.Equal(WarningLight.Red, WarningLights.Compute(DueAt, At(15, 0)));
    }

    [Fact]
    public void Compute_JudgesDaysByTheBeijingCalendarEvenForAUtcNow()
    {
        // 16:00 UTC on 10 October is already 11 October in Zhejiang.
        Assert.Equal(WarningLight.Yellow, WarningLights.Compute(DueAt, new DateTimeOffset(2025, 10, 10, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(WarningLight.Green, WarningLights.Compute(DueAt, new DateTimeOffset(2025, 10, 10, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void Compute_WithZeroYellowDays_IsYellowOnTheDueDayOnly()
    {
        Assert.Equal(WarningLight.Green, WarningLights.Compute(DueAt, At(13, 23, 59, 59), yellowDays: 0));
        Assert.Equal(WarningLight.Yellow, WarningLights.Compute(DueAt, At(14, 0), yellowDays: 0));
    }

    [Fact]
    public void Compute_WithNegativeYellowDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => WarningLights.Compute(DueAt, At(1, 0), yellowDays: -1));
    }
}
