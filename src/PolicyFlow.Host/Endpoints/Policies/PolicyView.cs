using System.Text.Json;
using PolicyFlow.Activities.Publishing;

namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>A policy with its measures as the API shows it.</summary>
/// <param name="TrackingStartOn">交办日期: the day its work is tracked from, when it was imported or launched after it took effect.</param>
/// <param name="Corrections">How many corrections the policy office made to the preview (<c>GET /api/policies/{id}/corrections</c>).</param>
internal sealed record PolicyView(string Id, string Title, string? DocumentNumber, IReadOnlyList<string> Issuers, DateOnly? PublishedOn,
    string? EffectiveRule, DateOnly EffectiveOn, DateTimeOffset EffectiveAt, DateOnly? TrackingStartOn, DateTimeOffset ImportedAt,
    string ImportedBy, int Corrections, IReadOnlyList<MeasureView> Measures)
{
    public static PolicyView From(PolicyRecord p) => new(p.Id, p.Title, p.DocumentNumber, List(p.IssuersJson), p.PublishedOn,
        p.EffectiveRule, p.EffectiveOn, p.EffectiveAt, p.TrackingStartOn, p.ImportedAt, p.ImportedBy, p.Corrections.Count,
        [.. p.Measures.OrderBy(m => m.Number).Select(m => new MeasureView(m.Number, m.NumberText, m.SectionTitle, m.Title, m.Body,
            m.LeadAgencyId, List(m.CoAgencyIdsJson), List(m.UnmappedJson), List(m.SpecialPartiesJson), m.LocalImplementation, m.DefinitionId))]);

    internal static IReadOnlyList<string> List(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}

/// <summary>A published measure: its lead and co-agencies as directory ids, and its workflow definition.</summary>
internal sealed record MeasureView(int Number, string NumberText, string? SectionTitle, string Title, string Body, string LeadAgencyId,
    IReadOnlyList<string> CoAgencyIds, IReadOnlyList<string> Unmapped, IReadOnlyList<string> SpecialParties, bool LocalImplementation,
    string DefinitionId);
