namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Waits for every branch its fork actually started (a branch that ends elsewhere is not waited for).</summary>
internal sealed class Join : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new() { Type = "Join", DisplayName = "汇聚 Join" };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        if (context.Joins.Arrive(context.Token, context.Node.Id) is not { } next)
        {
            return ValueTask.FromResult(ActivityResult.Absorbed());
        }
        context.Token = next;
        return ValueTask.FromResult(ActivityResult.Done("Done"));
    }
}
