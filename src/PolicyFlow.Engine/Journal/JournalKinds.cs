namespace PolicyFlow.Engine.Journal;

/// <summary>The kinds of journal entries the engine writes.</summary>
public static class JournalKinds
{
    public const string Launched = "InstanceLaunched";
    public const string ActivityStarted = "ActivityStarted";
    public const string ActivityCompleted = "ActivityCompleted";
    public const string BookmarkCreated = "BookmarkCreated";
    public const string BookmarkResumed = "BookmarkResumed";
    public const string TaskCreated = "TaskCreated";
    public const string TaskClaimed = "TaskClaimed";
    public const string TaskProgress = "TaskProgress";
    public const string TaskCompleted = "TaskCompleted";
    public const string TaskCancelled = "TaskCancelled";
    public const string TaskDueChanged = "TaskDueChanged";
    public const string TimerFired = "TimerFired";
    public const string ChildStarted = "ChildStarted";
    public const string Faulted = "InstanceFaulted";
    public const string Retried = "InstanceRetried";
    public const string Completed = "InstanceCompleted";
    public const string Cancelled = "InstanceCancelled";
}
