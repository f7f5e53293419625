using System.Text.Json.Nodes;
using PolicyFlow.Activities.Publishing;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>A policy with its measures as the API shows it.</summary>
internal sealed record PolicyView(string Id, string Title, string? DocumentNumber, JsonNode? Issuers, DateOnly? PublishedOn,
    string? EffectiveRule, DateOnly EffectiveOn, DateTimeOffset EffectiveAt, DateTimeOffset ImportedAt, string ImportedBy, IEnumerable<object> Measures)
{
    public static PolicyView From(PolicyRecord p) => new(p.Id, p.Title, p.DocumentNumber, JsonNode.Parse(p.IssuersJson), p.PublishedOn,
        p.EffectiveRule, p.EffectiveOn, p.EffectiveAt, p.ImportedAt, p.ImportedBy,
        p.Measures.OrderBy(m => m.Number).Select(m => (object)new
        {
            m.Number, m.NumberText, m.SectionTitle, m.Title, m.Body, m.LeadAgencyId,
            coAgencyIds = JsonNode.Parse(m.CoAgencyIdsJson), unmapped = JsonNode.Parse(m.UnmappedJson),
            specialParties = JsonNode.Parse(m.SpecialPartiesJson), m.LocalImplementation, m.DefinitionId,
        }));
}
