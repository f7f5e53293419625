using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using PolicyFlow.Activities.Calendar;

namespace PolicyFlow.Activities.Deadlines;

/// <summary>
/// When a task is due: a fixed day (<c>{"at":"2025-10-14"}</c>), a fixed moment
/// (<c>{"at":"2025-10-14T17:00:00+08:00"}</c>), or a number of calendar or working days after the task's
/// creation or the policy's effective date (<c>{"days":5,"unit":"working","from":"effective"}</c>).
/// Resolves to the instant the task becomes overdue; see <see cref="DueDay"/>.
/// </summary>
[JsonConverter(typeof(DueRuleJsonConverter))]
public sealed record DueRule
{
    /// <summary>Upper bound on <see cref="Days"/>: ten years, which catches typed-in extra zeros.</summary>
    public const int MaxDays = 3650;

    private DueRule()
    {
    }

    /// <summary>Due on this whole day (Asia/Shanghai).</summary>
    public DateOnly? OnDate { get; private init; }

    /// <summary>Due at this exact moment.</summary>
    public DateTimeOffset? AtInstant { get; private init; }

    /// <summary>Days to count for a relative rule; the starting day itself is not counted (自次日起算).</summary>
    public int Days { get; private init; }

    /// <summary>Whether a relative rule counts calendar or working days.</summary>
    public DueUnit Unit { get; private init; }

    /// <summary>What a relative rule counts from.</summary>
    public DueFrom From { get; private init; }

    /// <summary>
    /// For a relative rule: when the last day is not a working day, move it to the next working day
    /// (the rule of 民法典 第二百零三条 for periods counted in days).
    /// </summary>
    public bool RollToWorkingDay { get; private init; }

    /// <summary>Whether the rule names a fixed day or moment.</summary>
    public bool IsAbsolute => OnDate is not null || AtInstant is not null;

    /// <summary>Due on <paramref name="day"/>: overdue from 00:00 Asia/Shanghai the next day.</summary>
    public static DueRule On(DateOnly day) => new() { OnDate = day };

    /// <summary>Due at <paramref name="instant"/>: overdue from that moment.</summary>
    public static DueRule At(DateTimeOffset instant) => new() { AtInstant = instant };

    /// <summary>Due <paramref name="days"/> calendar or working days after <paramref name="from"/>.</summary>
    public static DueRule After(int days, DueUnit unit, DueFrom from = DueFrom.Created, bool rollToWorkingDay = false)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(days);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(days, MaxDays);
        return new() { Days = days, Unit = unit, From = from, RollToWorkingDay = rollToWorkingDay };
    }

    /// <summary>Reads a rule from an activity property; on failure <paramref name="error"/> says what to fix.</summary>
    public static bool TryParse(JsonNode? node, out DueRule? rule, out string error) =>
        DueRuleReader.TryRead(node, out rule, out error);

    /// <summary>
    /// The instant the task becomes overdue. Relative rules count from the Asia/Shanghai date of the anchor;
    /// the result is 00:00 the day after the last day.
    /// </summary>
    /// <exception cref="InvalidOperationException">The rule counts from the effective date and <paramref name="effectiveAt"/> is null.</exception>
    public DateTimeOffset Resolve(DateTimeOffset createdAt, DateTimeOffset? effectiveAt, WorkingCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (AtInstant is { } instant)
        {
            return instant;
        }
        if (OnDate is { } day)
        {
            return DueDay.ToDueAt(day);
        }
        var anchor = From == DueFrom.Effective
            ? effectiveAt ?? throw new InvalidOperationException("The due date counts from the policy's effective date, which is not known.")
            : createdAt;
        var start = ChinaTime.DateOf(anchor);
        var last = Unit == DueUnit.Working ? calendar.AddWorkingDays(start, Days) : start.AddDays(Days);
        if (RollToWorkingDay)
        {
            last = calendar.NextWorkingDayOnOrAfter(last);
        }
        return DueDay.ToDueAt(last);
    }

    /// <summary>The rule as camelCase JSON, the same shape <see cref="TryParse"/> reads.</summary>
    public JsonObject ToJson()
    {
        if (OnDate is { } day)
        {
            return new JsonObject { ["at"] = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) };
        }
        if (AtInstant is { } instant)
        {
            return new JsonObject { ["at"] = instant.ToString("yyyy-MM-dd'T'HH:mm:ss.FFFFFFFzzz", CultureInfo.InvariantCulture) };
        }
        var json = new JsonObject
        {
            ["days"] = Days,
            ["unit"] = Unit == DueUnit.Working ? "working" : "calendar",
            ["from"] = From == DueFrom.Effective ? "effective" : "created",
        };
        if (RollToWorkingDay)
        {
            json["rollToWorkingDay"] = true;
        }
        return json;
    }
}
