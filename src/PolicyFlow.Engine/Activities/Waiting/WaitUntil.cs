using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Activities.Waiting;

/// <summary>Waits until an absolute time (a literal or a variable such as the policy's effective date).</summary>
internal sealed class WaitUntil : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "WaitUntil",
        Category = "Time",
        DisplayName = "等待至 Wait until",
        Waits = true,
        Properties = [new PropertyDescriptor("at", PropertyType.DateTime, true, "ISO 8601 time, or {\"var\":\"effectiveAt\"}")],
    };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var at = context.GetTime("at") ?? throw new InvalidOperationException("WaitUntil needs a time in 'at'.");
        if (at <= context.Now)
        {
            return ValueTask.FromResult(ActivityResult.Done("Done"));
        }
        context.CreateTimer("Resume", at, resumesBookmark: true);
        return ValueTask.FromResult(ActivityResult.Wait(BookmarkKind.Timer, payload: new() { ["at"] = at.ToString("O") }));
    }
}
