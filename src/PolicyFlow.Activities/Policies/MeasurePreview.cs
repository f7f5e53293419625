namespace PolicyFlow.Activities.Policies;

/// <summary>One measure extracted from a policy document, for the policy office to check before publishing.</summary>
/// <param name="Number">Position in the document, 1..n, even where the written numbering restarts per section.</param>
/// <param name="NumberText">The number as written, canonicalised: （一）, 1. or 1、.</param>
/// <param name="SectionNumber">The enclosing section's number, or null when the document has no sections.</param>
/// <param name="Title">The measure's heading, joined when PDF extraction broke it; empty when the measure has none.</param>
/// <param name="Body">The measure's text without heading and agency list; one line per paragraph.</param>
/// <param name="Lead">The lead agency (牵头单位), or null when the document names none.</param>
/// <param name="SpecialParties">Responsible parties that are not agencies, e.g. 国家基地所在地.</param>
/// <param name="LocalImplementation">Whether cities and counties must implement the measure (cascade).</param>
/// <param name="AgencyListText">The agency list's text as written, without its brackets, or null when there is none.</param>
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
    string? AgencyListText);
