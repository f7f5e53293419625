using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Activities.Tests.Deadlines;

public sealed class DueRuleTests
{
    private static readonly WorkingCalendar China = WorkingCalendar.LoadEmbedded();
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);

    private static DueRule Parse(string json)
    {
        Assert.True(DueRule.TryParse(JsonNode.Parse(json), out var rule, out var error), error);
        return rule!;
    }

    [Fact]
    public void Resolve_FiveWorkingDaysFromCreation_IsOverdueFromTheStartOfOctober15()
    {
        var rule = Parse("""{"days":5,"unit":"working","from":"created"}""");

        var dueAt = rule.Resolve(new DateTimeOffset(2025, 9, 30, 10, 0, 0, Beijing), null, China);

        Assert.Equal(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Beijing), dueAt);
        Assert.Equal(new DateOnly(2025, 10, 14), DueDay.Of(dueAt));
    }

    [Fact]
    public void Resolve_WorkingDaysFromTheEffectiveDate_IgnoresTheCreationTime()
    {
        var rule = Parse("""{"days":5,"unit":"working","from":"effective"}""");

        var dueAt = rule.Resolve(new DateTimeOffset(2025, 1, 2, 10, 0, 0, Beijing), new DateTimeOffset(2025, 9, 30, 0, 0, 0, Beijing), China);

        Assert.Equal(new DateOnly(2025, 10, 14), DueDay.Of(dueAt));
    }

    [Fact]
    public void Resolve_CalendarDaysFromTheEffectiveDate_CountsFromTheNextDay()
    {
        var rule = Parse("""{"days":30,"unit":"calendar","from":"effective"}""");

        var dueAt = rule.Resolve(new DateTimeOffset(2024, 12, 1, 10, 0, 0, Beijing), new DateTimeOffset(2025, 1, 1, 0, 0, 0, Beijing), China);

        Assert.Equal(new DateTimeOffset(2025, 2, 1, 0, 0, 0, Beijing), dueAt);
    }

    [Fact]
    public void Resolve_CalendarDaysFromCreation_CountFromTheShanghaiDateOfAUtcInstant()
    {
        // 16:30 UTC on 31 March is already 1 April in Zhejiang.
        var rule = Parse("""{"days":1,"unit":"calendar"}""");

        var dueAt = rule.Resolve(new DateTimeOffset(2025, 3, 31, 16, 30, 0, TimeSpan.Zero), null, China);

        Assert.Equal(new DateOnly(2025, 4, 2), DueDay.Of(dueAt));
    }

    [Fact]
    public void Resolve_RollToWorkingDay_MovesALastDayInsideNationalDayToOctober9()
    {
        var plain = DueRule.After(7, DueUnit.Calendar);
        var rolled = Parse("""{"days":7,"unit":"calendar","rollToWorkingDay":true}""");
        var created = new DateTimeOffset(2025, 9, 26, 10, 0, 0, Beijing);

        Assert.Equal(new DateOnly(2025, 10, 3), DueDay.Of(plain.Resolve(created, null, China)));
        Assert.Equal(new DateOnly(2025, 10, 9), DueDay.Of(rolled.Resolve(created, null, China)));
    }

    [Fact]
    public void Resolve_AnAbsoluteDate_IsOverdueFromMidnightAfterIt()
    {
        var dueAt = Parse("""{"at":"2025-10-14"}""").Resolve(default, null, China);

        Assert.Equal(new DateTimeOffset(2025, 10, 15, 0, 0, 0, Beijing), dueAt);
    }

    [Theory]
    [InlineData("2025-10-14T17:00:00+08:00")]
    [InlineData("2025-10-14T09:00:00Z")]
    [InlineData("2025-10-14T17:00")]
    public void Resolve_AnAbsoluteDateTime_IsThatInstantWithBeijingTimeWhenNoOffsetIsWritten(string at)
    {
        var dueAt = Parse($$"""{"at":"{{at}}"}""").Resolve(default, null, China);

        Assert.Equal(new DateTimeOffset(2025, 10, 14, 17, 0, 0, Beijing), dueAt);
    }

    [Fact]
    public void Resolve_FromTheEffectiveDateWhenItIsUnknown_Throws()
    {
        var rule = DueRule.After(5, DueUnit.Working, DueFrom.Effective);

        var ex = Assert.Throws<InvalidOperationException>(() => rule.Resolve(default, null, China));
        Assert.Contains("effective", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"dayz":5,"unit":"working"}""", "'dayz'")]
    [InlineData("""{"days":5,"unit":"workday"}""", "'unit'")]
    [InlineData("""{"days":5}""", "'unit'")]
    [InlineData("""{"days":-1,"unit":"calendar"}""", "'days'")]
    [InlineData("""{"days":"5","unit":"calendar"}""", "'days'")]
    [InlineData("""{"days":5,"unit":"calendar","from":"published"}""", "'from'")]
    [InlineData("""{"at":"2025-10-14","days":5}""", "'at'")]
    [InlineData("""{"at":"2025-02-30"}""", "'at'")]
    [InlineData("""{"days":5,"unit":"calendar","rollToWorkingDay":"yes"}""", "'rollToWorkingDay'")]
    [InlineData("5", "expected an object")]
    public void TryParse_ABadRule_FailsWithAnErrorNamingTheProperty(string json, string expected)
    {
        Assert.False(DueRule.TryParse(JsonNode.Parse(json), out var rule, out var error));
        Assert.Null(rule);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryParse_Null_Fails()
    {
        Assert.False(DueRule.TryParse(null, out _, out var error));
        Assert.NotEmpty(error);
    }

    [Fact]
    public void SystemTextJson_RoundTripsTheCamelCaseShape()
    {
        var rule = DueRule.After(5, DueUnit.Working, DueFrom.Effective);

        var json = JsonSerializer.Serialize(rule);

        Assert.Equal("""{"days":5,"unit":"working","from":"effective"}""", json);
        Assert.Equal(rule, JsonSerializer.Deserialize<DueRule>(json));
        var at = JsonSerializer.SerializeToNode(DueRule.At(new DateTimeOffset(2025, 10, 14, 17, 0, 0, Beijing)))!["at"]!;
        Assert.Equal("2025-10-14T17:00:00+08:00", at.GetValue<string>());
    }

    [Fact]
    public void SystemTextJson_ABadRule_ThrowsJsonExceptionWithTheReason()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<DueRule>("""{"days":5,"unit":"weeks"}"""));
        Assert.Contains("'unit'", ex.Message, StringComparison.Ordinal);
    }
}
