using PolicyFlow.Directories;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Activities.Tracking;

/// <summary>
/// What every rule and report needs to know about an agency's task — its policy, measure, step, agency kind and region —
/// as typed, indexed columns (<c>pf_task_facts</c>, one row per task), written in the transaction that creates the task.
/// The engine's task stays policy-free. The task's state that reports count (status, assignee, created, due and completed
/// instants, and the due and completed days) is copied here by the database itself — triggers on <c>pf_tasks</c> and on this
/// table, see the <c>ReportColumns</c> migrations — so every report is a GROUP BY over this one table, never a row-by-row
/// join, and no code path (an engine <c>ExecuteUpdate</c> included) can leave the copy behind.
/// </summary>
public sealed class TaskFacts
{
    public Guid TaskId { get; set; }
    public string? PolicyId { get; set; }
    public int? MeasureNo { get; set; }
    public string? MeasureTitle { get; set; }

    /// <summary>The step of the measure's flow (<see cref="StepNames"/>): plan, co, review, city, county, report, monthly.</summary>
    public required string Step { get; set; }

    public required string AgencyKind { get; set; }
    public required string RegionCode { get; set; }

    /// <summary>The city of a city's or county's task; null for a provincial task.</summary>
    public string? CityCode { get; set; }

    public RegionLevel RegionLevel { get; set; }

    /// <summary>1 for the first assignment of the step; each return for rework (退办) assigns it again with the next round.</summary>
    public int Round { get; set; } = 1;

    // The task's state, maintained by the database from pf_tasks (never set by code: EF inserts defaults, the trigger fills them).
    public WorkTaskStatus Status { get; private set; }
    public string Assignee { get; private set; } = "";
    public DateTimeOffset CreatedAt { get; private set; }
    public DateTimeOffset? DueAt { get; private set; }
    public DateTimeOffset? CompletedAt { get; private set; }

    /// <summary>The due day (<see cref="Deadlines.DueDay.Of"/>) as days since 1970-01-01, Asia/Shanghai; null without a due date.</summary>
    public int? DueDay { get; private set; }

    /// <summary>The Asia/Shanghai day of completion as days since 1970-01-01; null while not completed.</summary>
    public int? CompletedDay { get; private set; }

    /// <summary>The <see cref="DateOnly"/> of a <see cref="DueDay"/> or <see cref="CompletedDay"/> number.</summary>
    public static DateOnly DayOf(int dayNumber) => Epoch.AddDays(dayNumber);

    /// <summary>The day number (days since 1970-01-01) of <paramref name="day"/>, the inverse of <see cref="DayOf"/>.</summary>
    public static int DayNumberOf(DateOnly day) => day.DayNumber - Epoch.DayNumber;

    private static readonly DateOnly Epoch = new(1970, 1, 1);

    /// <summary>How many times it was urged (催办); the urges themselves are <see cref="TaskUrge"/> rows.</summary>
    public int UrgeCount { get; set; }
}
