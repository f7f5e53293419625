namespace PolicyFlow.Activities.Tracking;

/// <summary>
/// One day's counters of one ranked entity (<c>pf_report_days</c>): a provincial agency (<see cref="Of"/> "agency", keyed by
/// the assignee), a city ("city", its code; its own and its counties' tasks) or a county ("county", its code). Kept by the
/// database, never by code: triggers on the task facts, the urges and the extension requests (the <c>ReportDays</c>
/// migrations) add a row's part when it appears or changes and take the old part away, so a period's ranking sums
/// ~90 rows a day instead of counting its tasks. Cancelled tasks count nowhere; a task's urges and extensions count
/// under its current keys. <see cref="Day"/> is the Asia/Shanghai day of the instant, as days since 1970-01-01.
/// </summary>
public sealed class ReportDay
{
    public required string Of { get; init; }
    public required string Key { get; init; }
    public int Day { get; init; }

    // Tasks whose due instant falls on the day.
    public int Done { get; private set; }
    public int OnTime { get; private set; }
    public int LateDone { get; private set; }

    /// <summary>Of <see cref="LateDone"/>, those due at the day's first instant (00:00): their due day is the day before.</summary>
    public int LateDoneAtMidnight { get; private set; }

    /// <summary>Still open (open or claimed).</summary>
    public int Pending { get; private set; }

    public int PendingAtMidnight { get; private set; }

    /// <summary>Tasks assigned again on the day after a return for rework (round &gt; 1, not a review).</summary>
    public int Returns { get; private set; }

    /// <summary>Extension requests approved on the day.</summary>
    public int Extensions { get; private set; }

    /// <summary>Urges (催办) on the day.</summary>
    public int Urges { get; private set; }
}
