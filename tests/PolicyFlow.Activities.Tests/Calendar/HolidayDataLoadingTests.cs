using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Tests.Calendar;

public sealed class HolidayDataLoadingTests : IDisposable
{
    // Invented for the tests: the 2027 notice does not exist yet.
    private const string Year2027 = """
        {
          "year": 2027,
          "source": "test data, not a real notice",
          "holidays": [ { "name": "国庆节", "from": "2027-10-01", "to": "2027-10-07" } ],
          "workdays": [ { "date": "2027-09-26", "reason": "国庆节调休" }, { "date": "2027-10-09", "reason": "国庆节调休" } ]
        }
        """;

    private readonly string folder = Directory.CreateTempSubdirectory("policyflow-calendar-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    [Fact]
    public void LoadEmbeddedAnd_AddsTheYearFromAFileInTheFolder()
    {
        Write("cn-2027.json", Year2027);

        var calendar = WorkingCalendar.LoadEmbeddedAnd(folder);

        Assert.Equal([2024, 2025, 2026, 2027], calendar.Years);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2027, 10, 4)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2027, 9, 26)));
        Assert.Equal(new DateOnly(2027, 10, 9), calendar.AddWorkingDays(new DateOnly(2027, 9, 30), 2));
    }

    [Fact]
    public void LoadEmbeddedAnd_AFolderYearReplacesTheEmbeddedYearWhole()
    {
        Write("cn-2025.json", """
            {"year":2025,"source":"corrected","holidays":[{"name":"元旦","from":"2025-01-01","to":"2025-01-01"}],"workdays":[]}
            """);

        var calendar = WorkingCalendar.LoadEmbeddedAnd(folder);

        Assert.True(calendar.IsWorkingDay(new DateOnly(2025, 10, 2)));
        Assert.False(calendar.IsWorkingDay(new DateOnly(2025, 10, 11)));
        Assert.Equal("corrected", calendar.GetYear(2025)!.Source);
    }

    [Fact]
    public void LoadEmbeddedAnd_WithNoFolder_IsTheEmbeddedCalendar()
    {
        Assert.Equal([2024, 2025, 2026], WorkingCalendar.LoadEmbeddedAnd(null).Years);
    }

    [Fact]
    public void LoadEmbeddedAnd_AMissingFolder_FailsNamingIt()
    {
        var missing = Path.Combine(folder, "nope");

        var ex = Assert.Throws<DirectoryNotFoundException>(() => WorkingCalendar.LoadEmbeddedAnd(missing));
        Assert.Contains(missing, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmbeddedAnd_AnImpossibleDate_FailsNamingTheFileAndTheField()
    {
        var path = Write("cn-2027.json", Year2027.Replace("2027-10-07", "2027-10-32", StringComparison.Ordinal));

        var ex = Assert.Throws<CalendarDataException>(() => WorkingCalendar.LoadEmbeddedAnd(folder));

        Assert.Equal(path, ex.SourceName);
        Assert.Equal("holidays[0].to", ex.Field);
        Assert.Contains("cn-2027.json", ex.Message, StringComparison.Ordinal);
        Assert.Contains("2027-10-32", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void LoadEmbeddedAnd_BrokenJson_FailsNamingTheFile()
    {
        var path = Write("cn-2027.json", Year2027[..40]);

        var ex = Assert.Throws<CalendarDataException>(() => WorkingCalendar.LoadEmbeddedAnd(folder));

        Assert.Equal(path, ex.SourceName);
        Assert.Equal("$", ex.Field);
    }

    [Fact]
    public void LoadEmbeddedAnd_TwoFilesForOneYear_Fail()
    {
        Write("a.json", Year2027);
        Write("b.json", Year2027);

        var ex = Assert.Throws<CalendarDataException>(() => WorkingCalendar.LoadEmbeddedAnd(folder));
        Assert.Contains("a.json", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"source":"x","holidays":[],"workdays":[]}""", "year")]
    [InlineData("""{"year":2027,"source":"x","holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07"}]}""", "workdays")]
    [InlineData("""{"year":2027,"source":"x","holidays":[{"name":"国庆节","from":"2027-10-07","to":"2027-10-01"}],"workdays":[]}""", "holidays[0].to")]
    [InlineData("""{"year":2027,"source":"x","holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07"}],"workdays":[{"date":"2027-10-11","reason":"调休"}]}""", "workdays[0].date")]
    [InlineData("""{"year":2027,"source":"x","holidays":[{"name":"国庆节","from":"2027-10-01","to":"2027-10-07"}],"workdays":[{"date":"2027-10-09"}]}""", "workdays[0].reason")]
    [InlineData("""{"year":2027,"source":"x","holidays":[{"name":"国庆节","from":"2072-10-01","to":"2072-10-07"}],"workdays":[]}""", "holidays[0].from")]
    public void Parse_AMalformedYear_NamesTheField(string json, string field)
    {
        var ex = Assert.Throws<CalendarDataException>(() => CalendarYear.Parse(json, "cn-2027.json"));

        Assert.Equal(field, ex.Field);
        Assert.StartsWith("Holiday data cn-2027.json: " + field + ":", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_FromJsonStrings_BuildsTheCalendarAndWithYearAddsAnother()
    {
        var calendar = WorkingCalendar.Load([Year2027]);
        var more = calendar.WithYear(CalendarYear.Parse(
            """{"year":2028,"source":"test","holidays":[{"name":"元旦","from":"2028-01-01","to":"2028-01-03"}],"workdays":[]}""", "t"));

        Assert.Equal([2027], calendar.Years);
        Assert.Equal([2027, 2028], more.Years);
        Assert.False(more.IsWorkingDay(new DateOnly(2028, 1, 3)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2028, 1, 3)));
    }
}
