namespace PolicyFlow.Policies.Corrections;

/// <summary>What a correction of the preview changes.</summary>
public enum CorrectionKind
{
    /// <summary>The measure's title (<see cref="PolicyCorrection.Title"/>).</summary>
    Title,

    /// <summary>The measure's lead agency (<see cref="PolicyCorrection.Lead"/>); the old lead is dropped unless listed as a co-agency.</summary>
    Lead,

    /// <summary>The measure's co-agencies, replaced by <see cref="PolicyCorrection.CoAgencies"/> (may be empty).</summary>
    CoAgencies,

    /// <summary>The measure is not a measure; it is kept among the non-measures with <see cref="PolicyCorrection.Reason"/>.</summary>
    NotMeasure,

    /// <summary>The non-measure at <see cref="PolicyCorrection.Line"/> is a measure, with <see cref="PolicyCorrection.Lead"/>.</summary>
    Measure,

    /// <summary>The measure is two: the second starts at paragraph <see cref="PolicyCorrection.At"/> of its body.</summary>
    Split,

    /// <summary>The measure and the next one (<see cref="PolicyCorrection.With"/> = measure + 1) are one.</summary>
    Merge,
}
