namespace PolicyFlow.Engine.Runtime;

/// <summary>A path through the flowchart: the activity it is at and the forks it is inside (innermost last).</summary>
public sealed record Token(string ActivityId, IReadOnlyList<string> Forks)
{
    public string? InnermostFork => Forks.Count == 0 ? null : Forks[^1];

    public Token At(string activityId) => this with { ActivityId = activityId };

    public Token Inside(string forkFrame) => this with { Forks = [.. Forks, forkFrame] };

    public Token OutOfInnermost() => this with { Forks = Forks.Take(Forks.Count - 1).ToArray() };
}
