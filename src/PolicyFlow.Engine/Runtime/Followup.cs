using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Engine.Runtime;

/// <summary>
/// Work a burst leaves for other instances: queued in the unit of work and run one after another, in the order queued,
/// once the burst that asked for it has finished (<see cref="WorkflowRuntime"/> drains the queue).
/// </summary>
internal abstract record Followup
{
    private Followup() { }

    /// <summary>Launch a child instance that resumes its parent's Children bookmark when it completes.</summary>
    public sealed record LaunchChild(Guid ParentId, ChildRequest Child) : Followup;

    /// <summary>Tell the parent <see cref="ParentId"/> waiting on <see cref="BookmarkId"/> that child <see cref="ChildId"/> completed.</summary>
    public sealed record NotifyParent(Guid ParentId, Guid BookmarkId, Guid ChildId) : Followup;

    /// <summary>Cancel a child instance whose parent was cancelled.</summary>
    public sealed record CancelChild(Guid ChildId) : Followup;
}
