namespace PolicyFlow.Activities.Policies;

/// <summary>What a measure's responsible-agency list says; <see cref="Lead"/> is null when it names only local governments.</summary>
/// <param name="LocalHere">The list names local governments (各市、县（市、区）政府…) for this measure only.</param>
/// <param name="LocalOnward">A clause like 以下均需各市、县（市、区）落实 applies from this measure onward.</param>
/// <param name="Notes">Readings a reviewer should confirm (joint leads, duplicates), without the measure prefix.</param>
internal sealed record AgencyList(
    AgencyRef? Lead,
    IReadOnlyList<AgencyRef> CoAgencies,
    IReadOnlyList<string> SpecialParties,
    bool LocalHere,
    bool LocalOnward,
    bool LeadRuleStated,
    IReadOnlyList<string> Notes);
