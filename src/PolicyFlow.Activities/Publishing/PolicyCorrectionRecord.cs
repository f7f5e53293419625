using PolicyFlow.Policies.Corrections;

namespace PolicyFlow.Activities.Publishing;

/// <summary>One correction the policy office made to a policy's preview before publishing it: who, when, what.</summary>
public sealed class PolicyCorrectionRecord
{
    public long Id { get; set; }
    public required string PolicyId { get; set; }

    /// <summary>1-based order: corrections apply in this order.</summary>
    public int Seq { get; set; }

    public CorrectionKind Kind { get; set; }

    /// <summary>The measure's label when it was corrected, e.g. （三）.</summary>
    public required string Label { get; set; }

    public required string Before { get; set; }
    public required string After { get; set; }

    /// <summary>The correction as given, so the published measures can be rebuilt from the source text.</summary>
    public required string CorrectionJson { get; set; }

    public required string By { get; set; }
    public DateTimeOffset At { get; set; }
}
