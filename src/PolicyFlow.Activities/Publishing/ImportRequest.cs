namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// What the policy office confirms: the document, the effective date if the document states none, how unknown names
/// map to agencies, and whether names left unknown may stay unassigned.
/// </summary>
public sealed record ImportRequest(
    string Text,
    DateOnly? EffectiveOn = null,
    IReadOnlyDictionary<string, string>? Mappings = null,
    bool AcceptUnmapped = false,
    bool AllowIncomplete = false);
