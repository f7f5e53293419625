using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>
/// The reminders, overdue notices and escalation around one task's due moment. Everything is sent at
/// <see cref="SendAt"/> Asia/Shanghai (09:00: people read mail in the morning), or at the due moment itself
/// when that is later in the day.
/// </summary>
public sealed record NoticePlan
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>3 and 1 days before, overdue every 3 days, escalation after 7 days, at 09:00.</summary>
    public static NoticePlan Default { get; } = new();

    /// <summary>Remind this many days before the due day (0 = the morning of the due day itself).</summary>
    public IReadOnlyList<int> ReminderDaysBefore { get; init; } = [3, 1];

    /// <summary>Repeat the overdue notice every this many days; 0 sends it once.</summary>
    public int OverdueEveryDays { get; init; } = 3;

    /// <summary>Escalate to leadership this many days after the due moment; 0 never escalates.</summary>
    public int EscalateAfterDays { get; init; } = 7;

    /// <summary>Most overdue notices for one task, so that a task without escalation cannot nag forever.</summary>
    public int MaxOverdueNotices { get; init; } = 10;

    /// <summary>Asia/Shanghai time of day at which notices go out.</summary>
    public TimeOnly SendAt { get; init; } = new(9, 0);

    /// <summary>Reads a plan from an activity property; missing fields keep their defaults.</summary>
    public static bool TryParse(JsonNode? node, out NoticePlan? plan, out string error)
    {
        plan = null;
        try
        {
            var read = node is null ? Default : node.Deserialize<NoticePlan>(Json) ?? Default;
            error = read.Validate() ?? string.Empty;
            plan = error.Length == 0 ? read : null;
        }
        catch (JsonException ex)
        {
            error = $"notice plan: {ex.Message}";
        }
        return plan is not null;
    }

    /// <summary>What is wrong with the settings, or null when they are usable.</summary>
    public string? Validate() =>
        ReminderDaysBefore is null || ReminderDaysBefore.Any(d => d is < 0 or > 365) ? "notice plan: reminderDaysBefore must list days between 0 and 365"
        : OverdueEveryDays is < 0 or > 365 ? "notice plan: overdueEveryDays must be between 0 and 365"
        : EscalateAfterDays is < 0 or > 365 ? "notice plan: escalateAfterDays must be between 0 and 365"
        : MaxOverdueNotices is < 1 or > 100 ? "notice plan: maxOverdueNotices must be between 1 and 100"
        : null;

    /// <summary>
    /// The notices for a task created at <paramref name="createdAt"/> and overdue from <paramref name="dueAt"/>,
    /// in time order, up to and including <paramref name="horizon"/>. Notices before <paramref name="createdAt"/>
    /// are skipped. Overdue notices stop when the escalation is sent (leadership takes over) or after
    /// <see cref="MaxOverdueNotices"/>; the escalation is sent once.
    /// </summary>
    /// <exception cref="InvalidOperationException">The settings are invalid; see <see cref="Validate"/>.</exception>
    public IReadOnlyList<PlannedNotice> Plan(DateTimeOffset createdAt, DateTimeOffset dueAt, DateTimeOffset horizon)
    {
        if (Validate() is { } error)
        {
            throw new InvalidOperationException(error);
        }
        var notices = new List<PlannedNotice>();
        var dueDay = DueDay.Of(dueAt);
        var reminders = ReminderDaysBefore.Distinct().Order().Reverse().ToList();
        for (var i = 0; i < reminders.Count; i++)
        {
            var at = ChinaTime.At(dueDay.AddDays(-reminders[i]), SendAt);
            if (at < dueAt)
            {
                notices.Add(new PlannedNotice(NoticeKind.Reminder, at, i + 1));
            }
        }
        DateTimeOffset? escalation = EscalateAfterDays > 0 ? NotBeforeSendTime(dueAt.AddDays(EscalateAfterDays)) : null;
        for (var n = 0; n < MaxOverdueNotices && (n == 0 || OverdueEveryDays > 0); n++)
        {
            var at = NotBeforeSendTime(dueAt.AddDays(n * OverdueEveryDays));
            if (at >= escalation || at > horizon)
            {
                break;
            }
            notices.Add(new PlannedNotice(NoticeKind.Overdue, at, n + 1));
        }
        if (escalation is { } escalateAt)
        {
            notices.Add(new PlannedNotice(NoticeKind.Escalation, escalateAt, 1));
        }
        return [.. notices.Where(x => x.DueAt >= createdAt && x.DueAt <= horizon).OrderBy(x => x.DueAt)];
    }

    // A midnight due moment should not mail people at midnight: hold the notice until the morning.
    private DateTimeOffset NotBeforeSendTime(DateTimeOffset instant)
    {
        var morning = ChinaTime.At(ChinaTime.DateOf(instant), SendAt);
        return instant < morning ? morning : instant;
    }
}
