using System.Globalization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Notifications;

/// <summary>The variables a template sees, in snake_case, with dates as the reader writes them (2025年10月14日 / 14 October 2025).</summary>
internal static class TemplateValues
{
    public static Dictionary<string, object?> From(NotificationModel model, Recipient to, string culture, string studioBaseUrl) => new()
    {
        ["recipient_name"] = to.Name,
        ["task_title"] = model.TaskTitle,
        ["measure_title"] = model.MeasureTitle,
        ["policy_title"] = model.PolicyTitle,
        ["agency_name"] = model.AgencyName,
        // A due instant is the midnight the task becomes overdue; people read the day before it as the due date.
        ["due_date"] = model.DueAt is { } due ? FormatDate(Deadlines.DueDay.Of(due), culture) : null,
        ["days_left"] = model.DaysLeft,
        ["days_overdue"] = model.DaysOverdue,
        ["comment"] = model.Comment,
        ["approved"] = model.Approved,
        ["new_due_date"] = model.NewDueAt is { } newDue ? FormatDate(Deadlines.DueDay.Of(newDue), culture) : null,
        ["effective_date"] = FormatDate(model.EffectiveAt, culture),
        ["tracking_start_date"] = FormatDate(model.TrackingStartAt, culture),
        ["link"] = Link(studioBaseUrl, model.TaskId, model.InstanceId),
        ["studio_url"] = studioBaseUrl.TrimEnd('/'),
    };

    /// <summary>The task in the Studio; without a task, its workflow instance; without either, the Studio itself.</summary>
    public static string Link(string studioBaseUrl, Guid? taskId, Guid? instanceId)
    {
        var root = studioBaseUrl.TrimEnd('/');
        return taskId is { } task ? $"{root}/tasks/{task}"
            : instanceId is { } instance ? $"{root}/instances/{instance}"
            : root + "/";
    }

    public static string? FormatDate(DateTimeOffset? instant, string culture) =>
        instant is { } value ? FormatDate(ChinaTime.DateOf(value), culture) : null;

    public static string FormatDate(DateOnly date, string culture) =>
        culture.StartsWith("zh", StringComparison.OrdinalIgnoreCase)
            ? string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日")
            : date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);
}
