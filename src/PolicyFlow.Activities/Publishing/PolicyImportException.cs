namespace PolicyFlow.Activities.Publishing;

/// <summary>The preview cannot be published as it stands; every problem is listed and nothing was stored.</summary>
public sealed class PolicyImportException(IReadOnlyList<string> problems)
    : Exception("The policy cannot be published: " + string.Join("; ", problems))
{
    public IReadOnlyList<string> Problems { get; } = problems;
}
