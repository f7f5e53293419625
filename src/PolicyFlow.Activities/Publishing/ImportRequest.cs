using PolicyFlow.Policies.Corrections;

namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// What the policy office confirms: the document, the effective date if the document states none, how unknown names
/// map to agencies, whether names left unknown may stay unassigned, its corrections of the preview, and — for a policy
/// imported after it took effect — the day its work is tracked from (交办日期; default: the day it is launched).
/// </summary>
public sealed record ImportRequest(
    string Text,
    DateOnly? EffectiveOn = null,
    IReadOnlyDictionary<string, string>? Mappings = null,
    bool AcceptUnmapped = false,
    bool AllowIncomplete = false,
    IReadOnlyList<PolicyCorrection>? Corrections = null,
    DateOnly? TrackingStartOn = null);
