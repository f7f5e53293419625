using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Agencies;

/// <summary>An agency with the contact details the mail notices use: the administrators' edit, else the catalog's placeholder.</summary>
public sealed record AgencyRow(Agency Agency, Region Region, string KindLabel, string Email, string? ContactName, string? Phone,
    bool Edited, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>What the agency page filters by; null means any. A city includes its counties unless <see cref="RegionOnly"/>.</summary>
internal sealed record AgencyFilter(string? Kind = null, string? Region = null, bool RegionOnly = false, string? Name = null, string? Id = null);

/// <summary>
/// The 条块 directory — the catalog's agencies with the contacts administrators have set — as the agency page and
/// <c>GET /api/agencies</c> list it. Everyone signed in reads it; <see cref="EditContact"/> changes it.
/// </summary>
internal sealed class AgencyDirectory(DbFactory db, AgencyCatalog catalog, RegionDirectory regions)
{
    public const int MaxEmail = 320;
    public const int MaxText = 100;

    public IReadOnlyList<AgencyKind> Kinds => catalog.Kinds;

    public RegionDirectory Regions => regions;

    public async Task<IReadOnlyList<AgencyRow>> ListAsync(AgencyFilter filter, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(filter);
        await using var context = db.Create();
        var contacts = await context.AgencyContacts.AsNoTracking().ToDictionaryAsync(c => c.AgencyId, ct);
        var labels = catalog.Kinds.ToDictionary(k => k.Code, k => k.Label);
        return [.. catalog.All.Where(a => Matches(a, filter)).Select(a =>
        {
            var region = regions.Find(a.RegionCode)!;
            return contacts.TryGetValue(a.Id, out var c)
                ? new AgencyRow(a, region, labels[a.KindCode], c.Email, c.ContactName, c.Phone, true, c.UpdatedAt, c.UpdatedBy)
                : new AgencyRow(a, region, labels[a.KindCode], a.Email ?? "", null, null, false, null, null);
        })];
    }

    /// <summary>The problem with an email address as a localisation key, or null when it is one.</summary>
    public static string? CheckEmail(string? email) =>
        string.IsNullOrWhiteSpace(email) || !new EmailAddressAttribute().IsValid(email.Trim()) ? "Agency.EmailInvalid"
        : email.Trim().Length > MaxEmail ? "Agency.TooLong"
        : null;

    private bool Matches(Agency a, AgencyFilter f)
    {
        if ((f.Id is not null && a.Id != f.Id) || (f.Kind is not null && a.KindCode != f.Kind)
            || (!string.IsNullOrWhiteSpace(f.Name) && !a.Name.Contains(f.Name.Trim(), StringComparison.Ordinal)))
        {
            return false;
        }
        return f.Region is null || a.RegionCode == f.Region
            || (!f.RegionOnly && regions.Find(a.RegionCode)?.ParentCode == f.Region);
    }
}
