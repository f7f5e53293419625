using System.Text.Json.Nodes;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>
/// Starts one child instance per item and waits until all complete, or as many as <c>required</c> — the basis of cascades.
/// </summary>
internal sealed class RunChildren : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "RunChildren",
        Category = "Flow",
        DisplayName = "子流程 Child instances",
        Waits = true,
        Properties =
        [
            new PropertyDescriptor("definitionId", PropertyType.String, true),
            new PropertyDescriptor("items", PropertyType.Any, true, "an array, or {\"var\":\"x\"}; one child per item"),
            new PropertyDescriptor("itemVariable", PropertyType.String, Description: "the child variable that receives the item; default 'item'"),
            new PropertyDescriptor("required", PropertyType.Integer, Description: "children that must complete; default all"),
        ],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var items = context.RawProperty("items") as JsonArray ?? throw new InvalidOperationException("RunChildren needs an array in 'items'.");
        var itemVariable = context.GetString("itemVariable") ?? "item";
        var definitionId = context.GetString("definitionId")!;
        foreach (var item in items)
        {
            var input = new JsonObject { [itemVariable] = item?.DeepClone() };
            context.StartChild(definitionId, input, context.Instance.CorrelationId);
        }
        var required = Math.Min(context.Get<int?>("required") ?? items.Count, items.Count);
        if (required == 0)
        {
            return ValueTask.FromResult(ActivityResult.Done("Done"));
        }
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Children, payload: new JsonObject
        {
            ["total"] = items.Count,
            ["required"] = required,
            ["completed"] = new JsonArray(),
        }));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stimulus);
        var completed = context.BookmarkPayload["completed"]!.AsArray();
        var child = stimulus.Data?["childId"]?.GetValue<string>();
        if (child is not null && completed.All(c => c!.GetValue<string>() != child))
        {
            completed.Add(child);
        }
        var required = context.BookmarkPayload["required"]!.GetValue<int>();
        return ValueTask.FromResult(completed.Count >= required
            ? ActivityResult.Done("Done")
            : ActivityResult.Wait(BookmarkKind.Children));
    }
}
