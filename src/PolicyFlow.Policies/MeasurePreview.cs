namespace PolicyFlow.Policies;

/// <summary>One measure extracted from a policy document, for the policy office to check before publishing.</summary>
/// <param name="Number">Position in the document, 1..n, even where the written numbering restarts per section.</param>
/// <param name="NumberText">The number as written, canonicalised: （一）, 1. or 1、.</param>
/// <param name="SectionNumber">The enclosing section's number, or null when the document has no sections.</param>
/// <param name="Title">The measure's heading, joined when PDF extraction broke it; empty when the measure has none.</param>
/// <param name="Body">The measure's text without heading and agency list; one line per paragraph.</param>
/// <param name="Lead">The lead agency (牵头单位), or null when the document names none.</param>
/// <param name="SpecialParties">Responsible parties that are neither agencies nor local governments, e.g. 国家基地所在地.</param>
/// <param name="LocalImplementation">Whether cities and counties must implement the measure (cascade).</param>
/// <param name="AgencyListText">The agency list's text as written, without its brackets, or null when there is none.</param>
/// <param name="Label">The number as written, with the sub-task's position when one item holds several agency-tagged
/// tasks: （十）1, （十）2.</param>
/// <param name="Leads">Every agency marked 牵头 (joint leads), else the first listed; empty when none is named.</param>
/// <param name="OpenEnded">The list ends in 等 / 等有关部门 or names 有关部门, or an earlier list said that a class of departments
/// takes part from there on (其他有关部门和单位按职责分工负责，下同): more agencies take part than are named.</param>
/// <param name="LocalGovernments">Local governments named as parties, as written (各省级人民政府, 各设区市政府).</param>
/// <param name="Roles">The duty words of the list (负责, 牵头, 配合, 指导 …).</param>
/// <param name="Line">The 1-based line of the measure's number in the imported text.</param>
public sealed record MeasurePreview(
    int Number,
    string NumberText,
    int? SectionNumber,
    string? SectionTitle,
    string Title,
    string Body,
    AgencyRef? Lead,
    IReadOnlyList<AgencyRef> CoAgencies,
    IReadOnlyList<string> SpecialParties,
    bool LocalImplementation,
    string? AgencyListText,
    string Label,
    IReadOnlyList<AgencyRef> Leads,
    bool OpenEnded,
    IReadOnlyList<string> LocalGovernments,
    IReadOnlyList<string> Roles,
    int Line);
