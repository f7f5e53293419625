using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Host.Application.Supervision;

/// <summary>
/// <see cref="WarningLights"/> as two instants, so SQL can count lights: an open task is red once <c>DueAt &lt;= now</c>,
/// yellow while <c>now &lt; DueAt &lt;= YellowUntil</c> (its due day within the yellow days), green otherwise.
/// </summary>
internal readonly record struct Lights(DateTimeOffset Now, DateTimeOffset YellowUntil)
{
    public static Lights At(DateTimeOffset now, WarningLightRule rule)
    {
        ArgumentNullException.ThrowIfNull(rule);
        return new(now, DueDay.ToDueAt(ChinaTime.DateOf(now).AddDays(rule.YellowDays)));
    }

    /// <summary>The worst light of a group of tasks: red, yellow, green while any is open; done when all are completed.</summary>
    public static string Worst(int open, int red, int yellow) =>
        red > 0 ? nameof(WarningLight.Red) : yellow > 0 ? nameof(WarningLight.Yellow) : open > 0 ? nameof(WarningLight.Green) : Done;

    public const string Done = "Done";

    /// <summary>Calendar days overdue as the notices count them: the first day past the due day is day 1.</summary>
    public int DaysOverdue(DateTimeOffset dueAt) => dueAt > Now ? 0 : (int)Math.Floor((Now - dueAt).TotalDays) + 1;
}
