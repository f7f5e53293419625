using System.Text.Json.Nodes;
using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Activities.Tests.Deadlines;

public sealed class NoticePlanTests
{
    private static readonly TimeSpan Beijing = TimeSpan.FromHours(8);
    private static readonly DateTimeOffset Created = new(2025, 10, 1, 10, 0, 0, Beijing);
    private static readonly DateTimeOffset DueAt = DueDay.ToDueAt(new DateOnly(2025, 10, 14));
    private static readonly DateTimeOffset FarAway = new(2026, 1, 1, 0, 0, 0, Beijing);

    private static DateTimeOffset Morning(int month, int day) => new(2025, month, day, 9, 0, 0, Beijing);

    [Fact]
    public void Plan_Defaults_RemindThreeAndOneDayBeforeThenOverdueEveryThreeDaysThenEscalateAfterSeven()
    {
        var notices = NoticePlan.Default.Plan(Created, DueAt, FarAway);

        Assert.Equal(
        [
            new(NoticeKind.Reminder, Morning(10, 11), 1),
            new(NoticeKind.Reminder, Morning(10, 13), 2),
            new(NoticeKind.Overdue, Morning(10, 15), 1),
            new(NoticeKind.Overdue, Morning(10, 18), 2),
            new(NoticeKind.Overdue, Morning(10, 21), 3),
            new PlannedNotice(NoticeKind.Escalation, Morning(10, 22), 1),
        ], notices);
    }

    [Fact]
    public void Plan_AReminderBeforeTheTaskExisted_IsSkippedAndTheOtherKeepsItsNumber()
    {
        var notices = NoticePlan.Default.Plan(new DateTimeOffset(2025, 10, 12, 10, 0, 0, Beijing), DueAt, FarAway);

        var reminder = Assert.Single(notices, n => n.Kind == NoticeKind.Reminder);
        Assert.Equal(new PlannedNotice(NoticeKind.Reminder, Morning(10, 13), 2), reminder);
    }

    [Fact]
    public void Plan_Custom_OneReminderOneOverdueNoticeAndNoEscalation()
    {
        var plan = new NoticePlan { ReminderDaysBefore = [5], OverdueEveryDays = 0, EscalateAfterDays = 0 };

        Assert.Equal(
        [
            new(NoticeKind.Reminder, Morning(10, 9), 1),
            new PlannedNotice(NoticeKind.Overdue, Morning(10, 15), 1),
        ], plan.Plan(Created, DueAt, FarAway));
    }

    [Fact]
    public void Plan_WithoutEscalation_StopsOverdueNoticesAtTheCap()
    {
        var plan = new NoticePlan { ReminderDaysBefore = [], OverdueEveryDays = 1, EscalateAfterDays = 0 };

        var notices = plan.Plan(Created, DueAt, FarAway);

        Assert.Equal(10, notices.Count);
        Assert.Equal(new PlannedNotice(NoticeKind.Overdue, Morning(10, 24), 10), notices[^1]);
    }

    [Fact]
    public void Plan_StopsAtTheHorizon()
    {
        var notices = NoticePlan.Default.Plan(Created, DueAt, Morning(10, 15));

        Assert.Equal([NoticeKind.Reminder, NoticeKind.Reminder, NoticeKind.Overdue], notices.Select(n => n.Kind));
    }

    [Fact]
    public void Plan_ADueMomentInTheAfternoon_SendsTheOverdueNoticeThenAndTheSameDayReminderInTheMorning()
    {
        var dueAt = new DateTimeOffset(2025, 10, 14, 17, 0, 0, Beijing);
        var plan = new NoticePlan { ReminderDaysBefore = [0], OverdueEveryDays = 0, EscalateAfterDays = 0 };

        Assert.Equal(
        [
            new(NoticeKind.Reminder, Morning(10, 14), 1),
            new PlannedNotice(NoticeKind.Overdue, dueAt, 1),
        ], plan.Plan(Created, dueAt, FarAway));
    }

    [Fact]
    public void TryParse_KeepsDefaultsForMissingFields()
    {
        Assert.True(NoticePlan.TryParse(JsonNode.Parse("""{"reminderDaysBefore":[2],"escalateAfterDays":14}"""), out var plan, out var error), error);

        Assert.Equal([2], plan!.ReminderDaysBefore);
        Assert.Equal(14, plan.EscalateAfterDays);
        Assert.Equal(3, plan.OverdueEveryDays);
    }

    [Theory]
    [InlineData("""{"remindersBefore":[2]}""", "remindersBefore")]
    [InlineData("""{"overdueEveryDays":-1}""", "overdueEveryDays")]
    [InlineData("""{"reminderDaysBefore":[-3]}""", "reminderDaysBefore")]
    public void TryParse_BadSettings_FailWithAnErrorNamingTheSetting(string json, string expected)
    {
        Assert.False(NoticePlan.TryParse(JsonNode.Parse(json), out var plan, out var error));
        Assert.Null(plan);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }
}
