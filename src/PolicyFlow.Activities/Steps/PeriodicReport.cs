using System.Globalization;
using System.Text.Json.Nodes;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Steps;

/// <summary>
/// A recurring progress report (e.g. monthly, by the 28th): waits until <c>noticeDays</c> before the next report day,
/// then gives the agency a report task due that day and completes. Connect its Done back to itself to repeat; the
/// measure's End stops it. Report tasks are tracked with their own reminders but do not steer the flow.
/// </summary>
internal sealed class PeriodicReport : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "PeriodicReport",
        Category = "Tasks",
        DisplayName = "定期报告 Periodic report",
        Waits = true,
        Properties =
        [
            new PropertyDescriptor("assignee", PropertyType.String, true, "agency id that reports"),
            new PropertyDescriptor("dayOfMonth", PropertyType.Integer, Description: "report day, 1–31 (the month's last day when shorter); default 28"),
            new PropertyDescriptor("noticeDays", PropertyType.Integer, Description: "days before the report day the task is given; default 7"),
            .. StepProperties.Common,
        ],
    };

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path)
    {
        if (node.Properties["dayOfMonth"] is JsonValue d && d.TryGetValue<int>(out var day) && day is < 1 or > 31)
        {
            yield return new DefinitionError($"{path}.properties.dayOfMonth", "dayOfMonth must be between 1 and 31");
        }
        foreach (var error in StepProperties.Validate(node, path))
        {
            yield return error;
        }
    }

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var noticeDays = context.Get<int?>("noticeDays") ?? 7;
        // Never the same report day twice: after a report the next one is looked for from the day after it.
        var today = ChinaTime.DateOf(context.Now);
        if (context.ReadVariable(LastReportVariable(context)) is JsonValue last
            && DateOnly.TryParseExact(last.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var lastDay)
            && lastDay.AddDays(1 - noticeDays) > today)
        {
            today = lastDay.AddDays(1 - noticeDays);
        }
        var reportDay = NextReportDay(today, context.Get<int?>("dayOfMonth") ?? 28, noticeDays);
        var notifyAt = ChinaTime.At(reportDay.AddDays(-noticeDays), new TimeOnly(9, 0));
        context.CreateTimer("Resume", notifyAt > context.Now ? notifyAt : context.Now, resumesBookmark: true);
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Timer, payload: new JsonObject
        {
            ["reportDay"] = reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        }));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus)
    {
        var reportDay = DateOnly.ParseExact(context.BookmarkPayload["reportDay"]!.GetValue<string>(), "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var title = string.Create(CultureInfo.InvariantCulture, $"{context.GetString("title")}（{reportDay.Year}年{reportDay.Month}月）");
        AgencyTasks.Create(context, context.GetString("assignee")!, ["Done"], round: 1, DueDay.ToDueAt(reportDay), title);
        context.SetVariable(LastReportVariable(context), reportDay.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }

    private static string LastReportVariable(ActivityContext context) => $"_{context.Node.Id.Replace('.', '_')}_lastReportDay";

    /// <summary>The first report day that leaves at least <paramref name="noticeDays"/> days to prepare.</summary>
    internal static DateOnly NextReportDay(DateOnly today, int dayOfMonth, int noticeDays)
    {
        for (var month = new DateOnly(today.Year, today.Month, 1); ; month = month.AddMonths(1))
        {
            var day = month.AddDays(Math.Min(dayOfMonth, DateTime.DaysInMonth(month.Year, month.Month)) - 1);
            if (day.AddDays(-noticeDays) >= today)
            {
                return day;
            }
        }
    }
}
