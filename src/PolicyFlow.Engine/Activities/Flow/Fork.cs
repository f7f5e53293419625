namespace PolicyFlow.Engine.Activities.Flow;

/// <summary>Starts every connected branch at once; the branches' outcomes are named by the flowchart.</summary>
internal sealed class Fork : IActivity
{
    public ActivityDescriptor Descriptor { get; } = new() { Type = "Fork", DisplayName = "并行 Fork", Outcomes = [], AnyOutcome = true };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        ValueTask.FromResult(ActivityResult.Done([.. context.ConnectedOutcomes]));
}
