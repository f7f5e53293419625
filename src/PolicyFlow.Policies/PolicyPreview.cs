namespace PolicyFlow.Policies;

/// <summary>What the importer read from a policy document; the policy office reviews it and fills what is missing.</summary>
/// <param name="Title">The policy's own title (for a 印发 notice, the title of the policy it publishes), or null.</param>
/// <param name="NoticeTitle">The covering notice's title (…关于印发《…》的通知) when the document has one.</param>
/// <param name="DocumentNumber">文号 with its year in 〔〕, e.g. 浙经信人事〔2024〕151号, or null.</param>
/// <param name="Issuers">The issuing agencies as written, resolved where the catalog knows them.</param>
/// <param name="PublishedOn">The date the document was signed (成文日期), or null.</param>
/// <param name="EffectiveRule">The effective-date clause, e.g. 自公布之日起30日后施行, or null when the document states none.</param>
/// <param name="EffectiveOn">The date the rule gives, or null when there is no rule or it cannot be computed.</param>
/// <param name="Warnings">Everything the importer could not settle, in words a reviewer can act on.</param>
/// <param name="NonMeasures">Every numbered item that is not a measure (headings, 指导思想, 基本原则 …), with the reason.</param>
/// <param name="RelativeDates">Deadlines stated relative to an event (印发之日起30日内), reported for the office to date.</param>
/// <param name="MappingSuggestions">Provincial counterparts suggested for national ministries; to be confirmed, not applied.</param>
public sealed record PolicyPreview(
    string? Title,
    string? NoticeTitle,
    string? DocumentNumber,
    IReadOnlyList<AgencyRef> Issuers,
    DateOnly? PublishedOn,
    string? EffectiveRule,
    DateOnly? EffectiveOn,
    IReadOnlyList<SectionPreview> Sections,
    IReadOnlyList<MeasurePreview> Measures,
    IReadOnlyList<string> Warnings,
    IReadOnlyList<NonMeasurePreview> NonMeasures,
    IReadOnlyList<RelativeDatePreview> RelativeDates,
    IReadOnlyList<MappingSuggestion> MappingSuggestions)
{
    /// <summary>"not stated" when the document has no effective-date clause: the importer never invents one.</summary>
    public string EffectiveRuleStatus => EffectiveRule is null ? "not stated" : "stated";
}
