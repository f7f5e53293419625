namespace PolicyFlow.Engine.Tasks;

/// <summary>The task after an action, and whether the action changed anything (a repeat does not).</summary>
public sealed record TaskActionResult(WorkTask Task, bool WasChanged)
{
    public static TaskActionResult Changed(WorkTask task) => new(task, true);
    public static TaskActionResult Unchanged(WorkTask task) => new(task, false);
}
