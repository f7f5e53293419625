namespace PolicyFlow.Policies;

/// <summary>What a measure's responsible-agency list says; <see cref="Lead"/> is null when it names no agency.</summary>
/// <param name="Leads">Every agency the list marks 牵头 (X、Y牵头), or the first-listed one; <see cref="Lead"/> is the first.</param>
/// <param name="CoAgencies">Every agency but <see cref="Lead"/>, in printed order (joint leads included).</param>
/// <param name="OpenEnded">The list ends in 等 / 等有关部门 or names 有关部门: more agencies take part than are named.</param>
/// <param name="LocalGovernments">Local governments named as parties (各省级人民政府, 各设区市政府), as written.</param>
/// <param name="Roles">The duty words the list uses (负责, 牵头, 配合, 指导 …).</param>
/// <param name="LocalHere">The list names local governments (各市、县（市、区）政府…) for this measure only.</param>
/// <param name="LocalOnward">A clause like 以下均需各市、县（市、区）落实 applies from this measure onward.</param>
/// <param name="OpenOnward">A class of departments named by no one is said to take part from this measure onward
/// (其他有关部门和单位按职责分工负责，下同): every later measure is open-ended too.</param>
/// <param name="Notes">Readings a reviewer should confirm (joint leads, duplicates), without the measure prefix.</param>
internal sealed record AgencyList(
    AgencyRef? Lead,
    IReadOnlyList<AgencyRef> Leads,
    IReadOnlyList<AgencyRef> CoAgencies,
    IReadOnlyList<string> SpecialParties,
    bool OpenEnded,
    IReadOnlyList<string> LocalGovernments,
    IReadOnlyList<string> Roles,
    bool LocalHere,
    bool LocalOnward,
    bool OpenOnward,
    bool LeadRuleStated,
    IReadOnlyList<string> Notes);
