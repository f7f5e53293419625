namespace PolicyFlow.Engine.Runtime;

/// <summary>Where an instance stands.</summary>
public enum InstanceStatus
{
    Running,
    Waiting,
    Completed,
    Faulted,
    Cancelled,
}
