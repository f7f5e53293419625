using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Policies;

/// <summary>A policy as the policy list shows it.</summary>
internal sealed record PolicyRow(string Id, string Title, string? DocumentNumber, DateOnly? PublishedOn, DateOnly EffectiveOn,
    int Measures, DateTimeOffset ImportedAt);

/// <summary>A measure with its agencies' names and the instance launched for it, if any.</summary>
internal sealed record MeasureRow(MeasureRecord Measure, string Lead, IReadOnlyList<string> CoAgencies, IReadOnlyList<string> Unmapped,
    IReadOnlyList<string> SpecialParties, WorkflowInstance? Instance);

internal sealed record PolicyDetails(PolicyRecord Policy, IReadOnlyList<string> Issuers, IReadOnlyList<MeasureRow> Measures);

/// <summary>The policies as everyone signed in reads them: the list, and one policy with its measures and their instances.</summary>
internal sealed class ReadPolicy(DbFactory db, AgencyCatalog catalog)
{
    public async Task<IReadOnlyList<PolicyRow>> ListAsync(CancellationToken ct = default)
    {
        await using var context = db.Create();
        return await context.Policies.AsNoTracking().OrderByDescending(p => p.ImportedAt)
            .Select(p => new PolicyRow(p.Id, p.Title, p.DocumentNumber, p.PublishedOn, p.EffectiveOn, p.Measures.Count, p.ImportedAt))
            .ToListAsync(ct);
    }

    public async Task<PolicyDetails?> DetailAsync(string id, CancellationToken ct = default)
    {
        await using var context = db.Create();
        var policy = await context.Policies.AsNoTracking().Include(p => p.Measures).Include(p => p.Corrections).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (policy is null)
        {
            return null;
        }
        // Launching derives each instance's id from its measure, so the ids say where to look without a correlation scan.
        var ids = policy.Measures.Select(PolicyLauncher.InstanceIdOf).ToList();
        var instances = await context.Instances.AsNoTracking().Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var rows = policy.Measures.OrderBy(m => m.Number).Select(m => new MeasureRow(m, NameOf(m.LeadAgencyId),
            [.. ListOf(m.CoAgencyIdsJson).Select(NameOf)], ListOf(m.UnmappedJson), ListOf(m.SpecialPartiesJson),
            instances.GetValueOrDefault(PolicyLauncher.InstanceIdOf(m)))).ToList();
        return new PolicyDetails(policy, ListOf(policy.IssuersJson), rows);
    }

    private string NameOf(string agencyId) => catalog.Find(agencyId)?.Name ?? agencyId;

    private static IReadOnlyList<string> ListOf(string json) => JsonSerializer.Deserialize<string[]>(json) ?? [];
}
