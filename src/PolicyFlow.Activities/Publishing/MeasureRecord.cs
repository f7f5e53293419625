namespace PolicyFlow.Activities.Publishing;

/// <summary>One measure of a policy with its lead and co-agencies and the workflow definition made from it.</summary>
public sealed class MeasureRecord
{
    public required string PolicyId { get; set; }
    public int Number { get; set; }
    public required string NumberText { get; set; }
    public string? SectionTitle { get; set; }
    public required string Title { get; set; }
    public required string Body { get; set; }
    public required string LeadAgencyId { get; set; }
    public string CoAgencyIdsJson { get; set; } = "[]";

    /// <summary>Names the document gives that are no agency of the directory and were accepted unmapped (no task is made for them).</summary>
    public string UnmappedJson { get; set; } = "[]";

    public string SpecialPartiesJson { get; set; } = "[]";
    public bool LocalImplementation { get; set; }
    public required string DefinitionId { get; set; }
}
