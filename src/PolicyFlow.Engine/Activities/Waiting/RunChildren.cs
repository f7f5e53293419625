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
        var inputs = items.Select(item => new JsonObject { [itemVariable] = item?.DeepClone() }).ToList();
        return ValueTask.FromResult(ChildWait.Begin(context, context.GetString("definitionId")!, inputs, context.Get<int?>("required")));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus) =>
        ValueTask.FromResult(ChildWait.Resume(context, stimulus));
}
