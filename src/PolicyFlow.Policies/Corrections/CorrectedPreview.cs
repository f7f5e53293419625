namespace PolicyFlow.Policies.Corrections;

/// <summary>A preview with the policy office's corrections applied, and what each one changed.</summary>
public sealed record CorrectedPreview(PolicyPreview Preview, IReadOnlyList<CorrectionChange> Changes);
