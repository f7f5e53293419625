using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Directories;
using PolicyFlow.Policies;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// Publishes a confirmed policy: one workflow definition per measure (from the measure template), then the policy and
/// its measures. Importing the same text again returns the stored policy; a different text under the same 文号 is refused.
/// </summary>
public sealed class PolicyPublisher(IEngineDbFactory dbFactory, DefinitionService definitions, AgencyCatalog catalog, TimeProvider clock)
{
    public PolicyPreview Preview(string text) => PolicyDocumentParser.Parse(text, catalog);

    /// <summary>The preview with the office's corrections applied, and what each changed; stores nothing.</summary>
    public CorrectedPreview Preview(string text, bool allowIncomplete, IReadOnlyList<PolicyCorrection>? corrections)
    {
        ArgumentNullException.ThrowIfNull(text);
        var preview = PolicyDocumentParser.Parse(text, catalog, new PolicyParseOptions { AllowIncomplete = allowIncomplete });
        return PreviewCorrections.Apply(preview, text, corrections, catalog);
    }

    public async Task<PolicyRecord> PublishAsync(ImportRequest request, string actor, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        var corrected = Preview(request.Text, request.AllowIncomplete, request.Corrections);
        var policy = Confirm(corrected.Preview, request, actor);
        Record(policy, corrected.Changes, request.Corrections ?? [], actor);
        await using (var db = dbFactory.Create())
        {
            // A policy stored before ids named the issuer keeps its old id (p2024-151): look for it under both.
            var legacy = PolicyIds.Legacy(policy.DocumentNumber);
            var existing = await db.Set<PolicyRecord>().AsNoTracking().Include(p => p.Measures).Include(p => p.Corrections)
                .Where(p => p.Id == policy.Id || (p.Id == legacy && p.DocumentNumber == policy.DocumentNumber))
                .OrderBy(p => p.Id == policy.Id ? 0 : 1).FirstOrDefaultAsync(cancellationToken);
            if (existing is not null)
            {
                return existing.SourceText != policy.SourceText
                    ? throw EngineException.Conflict($"Policy {existing.Id} ({policy.DocumentNumber}) is already imported with a different text.")
                    : !SameCorrections(existing, policy)
                    ? throw EngineException.Conflict($"政策 {existing.Id} 已按其他更正发布。 Policy {existing.Id} is already published with other corrections.")
                    : existing;
            }
        }
        foreach (var measure in policy.Measures)
        {
            var kind = catalog.Find(measure.LeadAgencyId)!.KindCode;
            await definitions.SaveAndPublishAsync(MeasureWorkflows.Generate(policy, measure, kind), actor, cancellationToken);
        }
        await using (var db = dbFactory.Create())
        {
            db.Set<PolicyRecord>().Add(policy);
            await db.SaveChangesAsync(cancellationToken);
        }
        return policy;
    }

    // Who changed what: one row per correction, with the value before and after, at the moment it was published.
    private void Record(PolicyRecord policy, IReadOnlyList<CorrectionChange> changes, IReadOnlyList<PolicyCorrection> corrections, string actor)
    {
        var at = clock.GetUtcNow();
        for (var i = 0; i < changes.Count; i++)
        {
            policy.Corrections.Add(new PolicyCorrectionRecord
            {
                PolicyId = policy.Id,
                Seq = i + 1,
                Kind = changes[i].Kind,
                Label = Bounded(changes[i].Label, 100),
                Before = changes[i].Before,
                After = changes[i].After,
                CorrectionJson = Policies.Corrections.CorrectionJson.Serialize(corrections[i]),
                By = actor,
                At = at,
            });
        }
    }

    private static bool SameCorrections(PolicyRecord existing, PolicyRecord policy) =>
        existing.Corrections.OrderBy(c => c.Seq).Select(c => c.CorrectionJson).SequenceEqual(policy.Corrections.Select(c => c.CorrectionJson));

    private static string Bounded(string text, int max) => text.Length <= max ? text : text[..max];

    /// <summary>Checks the preview against the office's answers; every unsettled point is a problem.</summary>
    private PolicyRecord Confirm(PolicyPreview preview, ImportRequest request, string actor)
    {
        var problems = new List<string>();
        var effectiveOn = request.EffectiveOn ?? preview.EffectiveOn;
        if (effectiveOn is null)
        {
            problems.Add("文件未写明施行日期，请填写 effectiveOn。 The document states no effective date: give effectiveOn.");
        }
        var title = preview.Title ?? preview.NoticeTitle;
        if (string.IsNullOrWhiteSpace(title))
        {
            problems.Add("未识别出文件标题。 No title was found in the document.");
        }
        var id = PolicyIds.From(preview.DocumentNumber, title ?? "");
        var trackingStart = TrackingStart.Check(request.TrackingStartOn, effectiveOn, clock.GetUtcNow());
        if (trackingStart.Problem is { } trackingProblem)
        {
            problems.Add(trackingProblem);
        }
        var policy = new PolicyRecord
        {
            Id = id,
            Title = title ?? "",
            DocumentNumber = preview.DocumentNumber,
            IssuersJson = JsonSerializer.Serialize(preview.Issuers.Select(i => i.AgencyName ?? i.WrittenName), DefinitionJson.Options),
            PublishedOn = preview.PublishedOn,
            EffectiveRule = preview.EffectiveRule,
            EffectiveOn = effectiveOn ?? default,
            EffectiveAt = effectiveOn is { } day ? ChinaTime.StartOfDay(day) : default,
            TrackingStartOn = request.TrackingStartOn,
            SourceText = request.Text,
            ImportedAt = clock.GetUtcNow(),
            ImportedBy = actor,
        };
        foreach (var m in preview.Measures)
        {
            var lead = Map(m.Lead, request);
            if (lead is null)
            {
                problems.Add(m.Lead is null
                    ? $"{m.NumberText} 未写明牵头单位。 Measure {m.NumberText} names no lead agency."
                    : $"{m.NumberText} 牵头单位“{m.Lead.WrittenName}”不在单位目录中，请映射。 Lead '{m.Lead.WrittenName}' of {m.NumberText} is not in the agency directory: map it.");
                continue;
            }
            var co = new List<string>();
            var unmapped = new List<string>();
            foreach (var agency in m.CoAgencies)
            {
                if (Map(agency, request) is { } mapped)
                {
                    co.Add(mapped);
                }
                else if (request.AcceptUnmapped)
                {
                    unmapped.Add(agency.WrittenName);
                }
                else
                {
                    problems.Add($"{m.NumberText} 配合单位“{agency.WrittenName}”不在单位目录中，请映射或确认不分派。 Co-agency '{agency.WrittenName}' of {m.NumberText} is not in the directory: map it, or accept it unmapped.");
                }
            }
            policy.Measures.Add(new MeasureRecord
            {
                PolicyId = id,
                Number = m.Number,
                NumberText = m.NumberText,
                SectionTitle = m.SectionTitle,
                Title = m.Title,
                Body = m.Body,
                LeadAgencyId = lead,
                CoAgencyIdsJson = JsonSerializer.Serialize(co.Where(c => c != lead).Distinct()),
                UnmappedJson = JsonSerializer.Serialize(unmapped, DefinitionJson.Options),
                SpecialPartiesJson = JsonSerializer.Serialize(m.SpecialParties, DefinitionJson.Options),
                LocalImplementation = m.LocalImplementation,
                DefinitionId = MeasureWorkflows.DefinitionId(id, m.Number),
            });
        }
        return problems.Count == 0 ? policy : throw new PolicyImportException(problems);
    }

    private string? Map(AgencyRef? agency, ImportRequest request) =>
        agency is null ? null
        : agency.AgencyId is not null ? agency.AgencyId
        : request.Mappings?.GetValueOrDefault(agency.WrittenName) is { } id && catalog.Find(id) is not null ? id
        : null;
}
