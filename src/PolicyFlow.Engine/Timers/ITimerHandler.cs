using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Timers;

/// <summary>Gives meaning to a timer kind that resumes no bookmark (a reminder, an overdue notice…).</summary>
public interface ITimerHandler
{
    string Kind { get; }

    /// <summary>Runs inside the firing's transaction: what it writes commits with the timer's Fired mark, or not at all.</summary>
    Task HandleAsync(UnitOfWork work, WorkflowTimer timer, CancellationToken cancellationToken);
}
