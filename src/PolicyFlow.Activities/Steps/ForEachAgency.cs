using System.Text.Json.Nodes;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Steps;

/// <summary>One task per agency of a list (the co-agencies); done when every one of them is completed.</summary>
internal sealed class ForEachAgency : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "ForEachAgency",
        Category = "Tasks",
        DisplayName = "分送各单位 For each agency",
        Waits = true,
        Properties =
        [
            new PropertyDescriptor("agencies", PropertyType.Any, true, "array of agency ids, or {\"var\":\"coAgencies\"}"),
            .. StepProperties.Common,
        ],
    };

    public IEnumerable<DefinitionError> Validate(ActivityNode node, string path) => StepProperties.Validate(node, path);

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var agencies = context.RawProperty("agencies") as JsonArray ?? throw new InvalidOperationException("ForEachAgency needs an array of agency ids in 'agencies'.");
        var pending = new JsonArray();
        var round = AgencyTasks.NextRound(context);
        foreach (var agency in agencies.Select(a => a!.GetValue<string>()).Distinct())
        {
            pending.Add(AgencyTasks.Create(context, agency, [TaskOutcomes.Done], round).Id.ToString());
        }
        return ValueTask.FromResult(pending.Count == 0
            ? ActivityResult.Done("Done")
            : ActivityResult.Wait(BookmarkKind.Task, payload: new JsonObject { ["pending"] = pending }));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus)
    {
        var pending = context.BookmarkPayload["pending"]!.AsArray();
        var taskId = stimulus.TaskId?.ToString();
        var index = pending.Select(p => p!.GetValue<string>()).ToList().IndexOf(taskId ?? "");
        if (index >= 0)
        {
            pending.RemoveAt(index);
        }
        return ValueTask.FromResult(pending.Count == 0 ? ActivityResult.Done("Done") : ActivityResult.Wait(BookmarkKind.Task));
    }
}
