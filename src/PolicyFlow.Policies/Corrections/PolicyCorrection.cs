namespace PolicyFlow.Policies.Corrections;

/// <summary>
/// One correction of a preview by the policy office. Corrections apply in order, each to the result of the ones before:
/// <see cref="Measure"/> is the measure's number (1..n) at that point, as the preview then shows it.
/// </summary>
/// <param name="Kind">What is changed.</param>
/// <param name="Measure">The measure changed (all kinds but <see cref="CorrectionKind.Measure"/>).</param>
/// <param name="Line">For <see cref="CorrectionKind.Measure"/>: the line of the non-measure item to take as a measure.</param>
/// <param name="Title">The new title (<see cref="CorrectionKind.Title"/>; optional for Measure and for the second part of a Split).</param>
/// <param name="Lead">The lead agency, by directory id (jx-330000) or name (省经信厅); a name the directory does not know is mapped at publish.</param>
/// <param name="CoAgencies">The co-agencies, by id or name.</param>
/// <param name="At">For <see cref="CorrectionKind.Split"/>: the paragraph (2..) of the body where the second measure begins.</param>
/// <param name="With">For <see cref="CorrectionKind.Merge"/>: the next measure (<see cref="Measure"/> + 1).</param>
/// <param name="Reason">For <see cref="CorrectionKind.NotMeasure"/>: why, as the office writes it.</param>
public sealed record PolicyCorrection(
    CorrectionKind Kind,
    int? Measure = null,
    int? Line = null,
    string? Title = null,
    string? Lead = null,
    IReadOnlyList<string>? CoAgencies = null,
    int? At = null,
    int? With = null,
    string? Reason = null);
