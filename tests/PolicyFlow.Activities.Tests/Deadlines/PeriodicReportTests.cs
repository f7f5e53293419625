using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Deadlines;

public sealed class PeriodicReportTests
{
    private const string Monthly = """
    { "id": "monthly", "name": "Monthly report",
      "activities": [
        { "id": "start", "type": "Start" },
        { "id": "fork", "type": "Fork" },
        { "id": "report", "type": "PeriodicReport", "properties": { "assignee": "jx-330000", "title": "月度进展报告", "dayOfMonth": 28, "noticeDays": 7 } },
        { "id": "work", "type": "AssignTask", "properties": { "assignee": "jx-330000", "title": "主要工作" } },
        { "id": "end", "type": "End" } ],
      "connections": [
        { "from": "start", "outcome": "Done", "to": "fork" },
        { "from": "fork", "outcome": "Report", "to": "report" },
        { "from": "fork", "outcome": "Work", "to": "work" },
        { "from": "report", "outcome": "Done", "to": "report" },
        { "from": "work", "outcome": "Done", "to": "end" } ] }
    """;

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task APeriodicReport_GivesOneTaskAMonthDueOnThe28th_UntilTheMeasureEnds(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: new DateTimeOffset(2025, 1, 25, 10, 0, 0, TimeSpan.FromHours(8)));
        await h.PublishAsync(Monthly);
        var instance = await h.Engine.LaunchAsync(new LaunchRequest("monthly"), "lead");

        // The 28th of January leaves too little time: the first report is due on 28 February.
        for (var day = 0; day < 75; day++)
        {
            h.Clock.Advance(TimeSpan.FromDays(1));
            await h.Pump.DrainAsync();
        }
        var reports = (await h.TasksAsync(instance.Id)).Where(t => t.Title.StartsWith("月度进展报告", StringComparison.Ordinal)).OrderBy(t => t.DueAt).ToList();
        Assert.Equal(["月度进展报告（2025年2月）", "月度进展报告（2025年3月）"], reports.Select(t => t.Title));
        Assert.Equal(ChinaTime.StartOfDay(new DateOnly(2025, 3, 1)), reports[0].DueAt);
        Assert.Equal(ChinaTime.StartOfDay(new DateOnly(2025, 3, 29)), reports[1].DueAt);

        var work = Assert.Single(await h.TasksAsync(instance.Id), t => t.Title == "主要工作");
        await h.Engine.CompleteTaskAsync(work.Id, "Done", "lead");
        h.Clock.Advance(TimeSpan.FromDays(60));
        await h.Pump.DrainAsync();

        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(instance.Id)).Status);
        Assert.Equal(2, (await h.TasksAsync(instance.Id)).Count(t => t.Title.StartsWith("月度进展报告", StringComparison.Ordinal)));
        Assert.DoesNotContain(await h.TasksAsync(instance.Id), t => t.Status == WorkTaskStatus.Open);
    }

    [Theory]
    [InlineData("2025-01-25", 28, 7, "2025-02-28")]
    [InlineData("2025-01-21", 28, 7, "2025-01-28")]
    [InlineData("2025-02-10", 31, 7, "2025-02-28")]
    [InlineData("2024-02-10", 30, 3, "2024-02-29")]
    public void TheNextReportDay_LeavesTheNoticeDaysToPrepare(string today, int day, int notice, string expected)
    {
        Assert.Equal(DateOnly.Parse(expected, System.Globalization.CultureInfo.InvariantCulture),
            Steps.PeriodicReport.NextReportDay(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), day, notice));
    }
}
