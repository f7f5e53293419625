using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Tests.Calendar;

public sealed class ChinaTimeTests
{
    [Fact]
    public void StartOfDay_IsMidnightAtUtcPlusEight()
    {
        var start = ChinaTime.StartOfDay(new DateOnly(2025, 10, 1));

        Assert.Equal(TimeSpan.FromHours(8), start.Offset);
        Assert.Equal(new DateTimeOffset(2025, 9, 30, 16, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void DateOf_UsesTheShanghaiDateNotTheUtcDate()
    {
        Assert.Equal(new DateOnly(2025, 10, 1), ChinaTime.DateOf(new DateTimeOffset(2025, 9, 30, 16, 0, 0, TimeSpan.Zero)));
        Assert.Equal(new DateOnly(2025, 9, 30), ChinaTime.DateOf(new DateTimeOffset(2025, 9, 30, 15, 59, 59, TimeSpan.Zero)));
    }

    [Fact]
    public void At_GivesTheWallClockTimeInShanghai()
    {
        var at = ChinaTime.At(new DateOnly(2025, 10, 13), new TimeOnly(9, 0));

        Assert.Equal(new DateTimeOffset(2025, 10, 13, 1, 0, 0, TimeSpan.Zero), at);
    }
}
