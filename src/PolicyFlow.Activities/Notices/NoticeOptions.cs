namespace PolicyFlow.Activities.Notices;

/// <summary>Who else is told: leadership's addresses receive every escalation.</summary>
public sealed class NoticeOptions
{
    public const string Section = "Notices";

    public IReadOnlyList<string> LeadershipEmails { get; set; } = [];
}
