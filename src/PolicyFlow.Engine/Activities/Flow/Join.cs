namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Waits for every branch its fork actually started (a branch that ends elsewhere is not waited for).</summary>
internal sealed class Join : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new() { Type = "Join", DisplayName = "汇聚 Join" };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var frameId = context.Token.InnermostFork;
        if (frameId is null || !context.State.Forks.TryGetValue(frameId, out var frame))
        {
            return ValueTask.FromResult(ActivityResult.Done("Done"));
        }
        frame.Arrived++;
        frame.JoinId = context.Node.Id;
        if (frame.Arrived < frame.Live)
        {
            return ValueTask.FromResult(ActivityResult.Absorbed());
        }
        context.State.Forks.Remove(frameId);
        context.Token = context.Token.OutOfInnermost();
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
