namespace PolicyFlow.Policies.Corrections;

/// <summary>What one correction changed, as the record shows it: 3（三）牵头单位：省人力社保厅 → 省经信厅.</summary>
/// <param name="Label">The measure's label when the correction was made.</param>
/// <param name="Before">The value before, as a reader sees it.</param>
/// <param name="After">The value after.</param>
public sealed record CorrectionChange(CorrectionKind Kind, string Label, string Before, string After);
