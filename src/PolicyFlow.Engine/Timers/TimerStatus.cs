namespace PolicyFlow.Engine.Timers;

/// <summary>A timer is pending until it fires once or is cancelled.</summary>
public enum TimerStatus
{
    Pending,
    Fired,
    Cancelled,
}
