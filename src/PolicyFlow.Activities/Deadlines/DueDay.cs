using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>
/// The convention for due moments: a task due "on" a day has that whole Asia/Shanghai day, so its
/// <c>dueAt</c> is the instant it becomes overdue — 00:00 the next day. Overdue means <c>now &gt;= dueAt</c>,
/// with no 23:59:59.999 precision games.
/// </summary>
public static class DueDay
{
    /// <summary>The instant a task due on <paramref name="dueDay"/> becomes overdue (00:00 Asia/Shanghai the next day).</summary>
    public static DateTimeOffset ToDueAt(DateOnly dueDay) => ChinaTime.StartOfDay(dueDay.AddDays(1));

    /// <summary>The day to show as the due date: the last Asia/Shanghai day before <paramref name="dueAt"/> passes.</summary>
    public static DateOnly Of(DateTimeOffset dueAt) => ChinaTime.DateOf(dueAt.AddTicks(-1));
}
