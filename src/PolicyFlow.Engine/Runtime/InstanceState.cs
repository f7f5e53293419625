namespace PolicyFlow.Engine.Runtime;

/// <summary>The execution state kept with an instance: per-activity status, open forks, faulted paths.</summary>
public sealed class InstanceState
{
    public Dictionary<string, ActivityState> Activities { get; set; } = [];

    /// <summary>Open fork frames by id: how many branches are live and how many have reached their join.</summary>
    public Dictionary<string, ForkFrame> Forks { get; set; } = [];

    /// <summary>Paths stopped by a fault, run again by a retry.</summary>
    public List<Token> Faulted { get; set; } = [];

    public int NextFrame { get; set; }

    public ActivityState For(string activityId)
    {
        if (!Activities.TryGetValue(activityId, out var state))
        {
            state = new ActivityState();
            Activities[activityId] = state;
        }
        return state;
    }
}

/// <summary>What happened to one activity of an instance.</summary>
public sealed class ActivityState
{
    public string Status { get; set; } = "Idle";
    public int Executions { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? CompletedAt { get; set; }
    public string? Outcome { get; set; }
}

/// <summary>A fork's branches: <see cref="Live"/> still count, <see cref="Arrived"/> wait at <see cref="JoinId"/>.</summary>
public sealed class ForkFrame
{
    public int Live { get; set; }
    public int Arrived { get; set; }
    public string? JoinId { get; set; }
}
