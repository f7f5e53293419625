using PolicyFlow.Activities.Notices;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Steps;

/// <summary>A task for one agency (an id such as <c>jx-330000</c>, or <c>{{kind}}-{{region}}</c>), with due date and notices.</summary>
internal sealed class AssignTask : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "AssignTask",
        Category = "Tasks",
        DisplayName = "交办任务 Assign task",
        Waits = true,
        Outcomes = ["Done"],
        Properties =
        [
            new PropertyDescriptor("assignee", PropertyType.String, true, "agency id, e.g. jx-330000 or {{kind}}-{{region}}"),
            new PropertyDescriptor("outcomes", PropertyType.StringList, Description: "default [\"Done\"]; a review uses [\"Accept\",\"Return\"]"),
            new PropertyDescriptor("commentRequired", PropertyType.StringList, Description: "outcomes that need a comment; default [\"Return\"]"),
            new PropertyDescriptor("resultVariable", PropertyType.String),
            new PropertyDescriptor("reviewOf", PropertyType.Any, Description: "agencies told when this review accepts or returns, e.g. {\"var\":\"coAgencies\"}"),
            .. StepProperties.Common,
        ],
    };

    public IReadOnlyList<string>? OutcomesOf(ActivityNode node) => TaskOutcomes.From(node.Properties["outcomes"]);

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path) => StepProperties.Validate(node, path);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var task = AgencyTasks.Create(context, context.GetString("assignee")!, TaskOutcomes.From(context.RawProperty("outcomes")),
            AgencyTasks.NextRound(context));
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Task, task.Id.ToString()));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus)
    {
        if (context.GetString("resultVariable") is { Length: > 0 } variable)
        {
            context.SetVariable(variable, new System.Text.Json.Nodes.JsonObject
            {
                ["outcome"] = stimulus.Outcome, ["data"] = stimulus.Data?.DeepClone(), ["by"] = stimulus.Actor,
            });
        }
        ReviewNotices.Send(context, stimulus);
        return ValueTask.FromResult(ActivityResult.Done(stimulus.Outcome));
    }
}
