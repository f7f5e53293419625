using PolicyFlow.Activities.Directories;

namespace PolicyFlow.Activities.Tracking;

/// <summary>
/// What every rule and report needs to know about an agency's task — its policy, measure, step, agency kind and region —
/// as typed, indexed columns (<c>pf_task_facts</c>, one row per task), written in the transaction that creates the task.
/// The engine's task stays policy-free; reports are GROUP BYs over this table joined to the task's state.
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

    /// <summary>How many times it was urged (催办); the urges themselves are <see cref="TaskUrge"/> rows.</summary>
    public int UrgeCount { get; set; }
}
