using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Tests.Calendar;

public sealed class WorkingCalendarTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.LoadEmbedded();

    private static DateOnly D(int year, int month, int day) => new(year, month, day);

    [Fact]
    public void LoadEmbedded_CoversTheYears2024To2026()
    {
        Assert.Equal([2024, 2025, 2026], China.Years);
        Assert.StartsWith("国办发明电〔2024〕12号", China.GetYear(2025)!.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void AddWorkingDays_FiveDaysFromSeptember30_2025_SkipsNationalDayAndCountsTheMakeUpSaturday()
    {
        Assert.Equal(D(2025, 10, 14), China.AddWorkingDays(D(2025, 9, 30), 5));
        Assert.True(China.IsWorkingDay(D(2025, 10, 11)));
        Assert.All(Enumerable.Range(1, 8), day => Assert.False(China.IsWorkingDay(D(2025, 10, day))));
    }

    [Fact]
    public void IsWorkingDay_2025_MakeUpSundayBeforeNationalDayIsWorked()
    {
        Assert.True(China.IsWorkingDay(D(2025, 9, 28)));
        Assert.False(China.IsWorkingDay(D(2025, 9, 27)));
    }

    [Fact]
    public void AddWorkingDays_2024SpringFestival_JumpsFromNewYearsEveToTheMakeUpSunday()
    {
        // 除夕 2024-02-09 was only "encouraged" as rest: officially a working Friday.
        Assert.True(China.IsWorkingDay(D(2024, 2, 9)));
        Assert.Equal(D(2024, 2, 18), China.AddWorkingDays(D(2024, 2, 9), 1));
        Assert.Equal(D(2024, 2, 4), China.AddWorkingDays(D(2024, 2, 2), 1));
        Assert.All(Enumerable.Range(10, 8), day => Assert.False(China.IsWorkingDay(D(2024, 2, day))));
    }

    [Fact]
    public void AddWorkingDays_2026SpringFestival_CountsSaturdayFebruary14ThenResumesFebruary24()
    {
        Assert.Equal(D(2026, 2, 24), China.AddWorkingDays(D(2026, 2, 13), 2));
        Assert.True(China.IsWorkingDay(D(2026, 2, 28)));
        Assert.False(China.IsWorkingDay(D(2026, 2, 23)));
    }

    [Fact]
    public void AddWorkingDays_2026NationalDay_LandsOnTheMakeUpSaturdayOctober10()
    {
        Assert.Equal(D(2026, 10, 10), China.AddWorkingDays(D(2026, 9, 30), 3));
        Assert.True(China.IsWorkingDay(D(2026, 9, 20)));
        Assert.False(China.IsWorkingDay(D(2026, 10, 7)));
    }

    [Fact]
    public void AddWorkingDays_AcrossNewYear2026_SkipsJanuary1To3AndCountsSundayJanuary4()
    {
        Assert.Equal(D(2026, 1, 4), China.AddWorkingDays(D(2025, 12, 31), 1));
    }

    [Fact]
    public void OutsideCoveredYears_OnlyWeekendsAreDaysOff()
    {
        Assert.False(China.Covers(D(2027, 10, 1)));
        Assert.True(China.IsWorkingDay(D(2027, 10, 1)));
        Assert.False(China.IsWorkingDay(D(2027, 10, 2)));
        Assert.Equal(D(2027, 10, 4), China.AddWorkingDays(D(2027, 10, 1), 1));
    }

    [Fact]
    public void WorkingDaysBetween_IsTheInverseOfAddWorkingDays()
    {
        Assert.Equal(5, China.WorkingDaysBetween(D(2025, 9, 30), D(2025, 10, 14)));
        Assert.Equal(-5, China.WorkingDaysBetween(D(2025, 10, 14), D(2025, 9, 30)));
        Assert.Equal(0, China.WorkingDaysBetween(D(2025, 10, 1), D(2025, 10, 8)));
    }

    [Fact]
    public void AddWorkingDays_WithZeroDays_ReturnsTheStartAndRejectsNegativeDays()
    {
        Assert.Equal(D(2025, 10, 4), China.AddWorkingDays(D(2025, 10, 4), 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => China.AddWorkingDays(D(2025, 10, 4), -1));
    }

    [Fact]
    public void NextWorkingDayOnOrAfter_AHolidayMovesToTheFirstDayBack()
    {
        Assert.Equal(D(2025, 10, 9), China.NextWorkingDayOnOrAfter(D(2025, 10, 3)));
        Assert.Equal(D(2025, 10, 9), China.NextWorkingDayOnOrAfter(D(2025, 10, 9)));
    }

    [Fact]
    public void WeekendsOnly_HasNoYearsAndTreatsNationalDayAsAnOrdinaryWednesday()
    {
        Assert.Empty(WorkingCalendar.WeekendsOnly.Years);
        Assert.True(WorkingCalendar.WeekendsOnly.IsWorkingDay(D(2025, 10, 1)));
    }
}
