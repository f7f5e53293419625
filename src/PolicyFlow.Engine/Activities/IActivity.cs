using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Tasks;

namespace PolicyFlow.Engine.Activities;

/// <summary>An activity type: executes when a path reaches it and, if it waits, resumes on a stimulus.</summary>
public interface IActivity
{
    ActivityDescriptor Descriptor { get; }

    /// <summary>The outcomes this node can end with; null when any name is allowed.</summary>
    IReadOnlyList<string>? OutcomesOf(ActivityNode node) => Descriptor.AnyOutcome ? null : Descriptor.Outcomes;

    /// <summary>Checks beyond property types (e.g. an expression that must parse).</summary>
    IEnumerable<DefinitionError> Validate(ActivityNode node, string path) => [];

    ValueTask<ActivityResult> ExecuteAsync(ActivityContext context);

    ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus) =>
        ValueTask.FromResult(ActivityResult.Done(stimulus.Outcome));
}

/// <summary>What resumes a bookmark: an outcome, data, and who caused it.</summary>
public sealed record Stimulus(string Outcome, JsonObject? Data = null, string Actor = "system")
{
    private const string TaskIdKey = "taskId";
    private const string AssigneeKey = "assignee";
    private const string CommentKey = "comment";

    /// <summary>
    /// The stimulus of a completed task: the completer's data with the task's id, its assignee and the comment added (under the
    /// keys a definition's expressions see), which <see cref="TaskId"/> and <see cref="Comment"/> read back.
    /// </summary>
    public static Stimulus OfCompletedTask(WorkTask task, string outcome, JsonObject? data, string? comment, string actor)
    {
        ArgumentNullException.ThrowIfNull(task);
        var facts = data?.DeepClone().AsObject() ?? [];
        facts[TaskIdKey] = task.Id.ToString();
        facts[AssigneeKey] = task.Assignee;
        if (comment is not null)
        {
            facts[CommentKey] = comment;
        }
        return new Stimulus(outcome, facts, actor);
    }

    /// <summary>The completed task, when a task's completion is what resumed the bookmark.</summary>
    public Guid? TaskId => Guid.TryParse(Data?[TaskIdKey]?.GetValue<string>(), out var id) ? id : null;

    /// <summary>The comment the task was completed with, if any.</summary>
    public string? Comment => Data?[CommentKey]?.GetValue<string>();
}
