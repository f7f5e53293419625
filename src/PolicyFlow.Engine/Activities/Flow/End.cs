namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Ends the whole instance at once; other paths still waiting are cancelled.</summary>
internal sealed class End : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new() { Type = "End", DisplayName = "结束 End", Outcomes = [] };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) => ValueTask.FromResult(ActivityResult.End());
}
