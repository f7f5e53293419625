using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>A task for a person or agency; the path waits until it is completed with one of its outcomes.</summary>
internal sealed class HumanTask : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "HumanTask",
        Category = "Tasks",
        DisplayName = "人工任务 Human task",
        Waits = true,
        Properties =
        [
            new PropertyDescriptor("title", PropertyType.String, true),
            new PropertyDescriptor("assignee", PropertyType.String, true),
            new PropertyDescriptor("instructions", PropertyType.String),
            new PropertyDescriptor("outcomes", PropertyType.StringList, Description: "default [\"Done\"]"),
            new PropertyDescriptor("commentRequired", PropertyType.StringList, Description: "outcomes that need a comment; default [\"Return\"]"),
            new PropertyDescriptor("dueAt", PropertyType.DateTime),
            new PropertyDescriptor("resultVariable", PropertyType.String, Description: "where to keep {outcome, data, by}"),
        ],
    };

    public IReadOnlyList<string>? OutcomesOf(ActivityNode node) => TaskOutcomes.From(node.Properties["outcomes"]);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var task = context.CreateTask(context.GetString("title")!, context.GetString("assignee")!,
            TaskOutcomes.From(context.RawProperty("outcomes")), context.GetTime("dueAt"), context.GetString("instructions"));
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Task, task.Id.ToString()));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stimulus);
        if (context.GetString("resultVariable") is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new JsonObject { ["outcome"] = stimulus.Outcome, ["data"] = stimulus.Data?.DeepClone(), ["by"] = stimulus.Actor });
        }
        return ValueTask.FromResult(ActivityResult.Done(stimulus.Outcome));
    }
}
