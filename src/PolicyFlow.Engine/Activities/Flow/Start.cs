namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Where every instance begins; exactly one per definition.</summary>
internal sealed class Start : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new() { Type = "Start", DisplayName = "开始 Start" };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.Done("Done"));
}
