using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Engine.Tests.Support;

/// <summary>An activity that throws while its cause is not fixed, like a call to a service that is down.</summary>
public sealed class FlakyActivity : IActivity
{
    public bool Broken { get; set; } = true;

    public ActivityDescriptor Descriptor { get; } = new() { Type = "Flaky" };

    public ValueTask<ActivityResult> ExecuteAsync(ActivityContext context) =>
        Broken ? throw new InvalidOperationException("the registry service is unreachable") : ValueTask.FromResult(ActivityResult.Done("Done"));
}
