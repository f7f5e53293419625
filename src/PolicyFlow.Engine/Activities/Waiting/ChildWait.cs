using System.Text.Json.Nodes;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>
/// Starting child instances and waiting for them: one Children bookmark counts the completed children until the
/// completion rule (all, or a required number) holds. A child that completes twice is counted once.
/// </summary>
public static class ChildWait
{
    /// <summary>Starts one child per input and returns the wait; with no inputs the activity is done at once.</summary>
    public static ActivityResult Begin(ActivityContext context, string definitionId, IReadOnlyList<JsonObject> inputs, int? required = null)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var input in inputs)
        {
            context.StartChild(definitionId, input, context.Instance.CorrelationId);
        }
        var needed = Math.Min(required ?? inputs.Count, inputs.Count);
        if (needed <= 0)
        {
            return ActivityResult.Done("Done");
        }
        return ActivityResult.Wait(BookmarkKind.Children, payload: JoinBookkeeping.ChildWait(inputs.Count, needed));
    }

    /// <summary>Counts the child that completed; done when enough have.</summary>
    public static ActivityResult Resume(ActivityContext context, Stimulus stimulus)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(stimulus);
        return JoinBookkeeping.CountChild(context.BookmarkPayload, stimulus.Data?["childId"]?.GetValue<string>())
            ? ActivityResult.Done("Done")
            : ActivityResult.Wait(BookmarkKind.Children);
    }
}
