using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>An agency with the contact details the mail notices use: the administrators' edit, else the catalog's placeholder.</summary>
public sealed record AgencyRow(Agency Agency, Region Region, string KindLabel, string Email, string? ContactName, string? Phone,
    bool Edited, DateTimeOffset? UpdatedAt, string? UpdatedBy);

/// <summary>What the agency page filters by; null means any. A city includes its counties unless <see cref="RegionOnly"/>.</summary>
internal sealed record AgencyFilter(string? Kind = null, string? Region = null, bool RegionOnly = false, string? Name = null);

/// <summary>The 条块 directory for the agency page, and the contact edit (the same rules as <c>PUT /api/agencies/{id}/contact</c>).</summary>
internal sealed class AgencyDirectory(DbFactory db, AgencyCatalog catalog, RegionDirectory regions, TimeProvider clock)
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

    /// <summary>Stores the contact; the mail notices read contacts per burst, so the next notice already uses it.</summary>
    public async Task SaveContactAsync(string agencyId, string email, string? contactName, string? phone, string actor, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(email);
        _ = catalog.Find(agencyId) ?? throw new ArgumentException($"Agency '{agencyId}' does not exist.", nameof(agencyId));
        if (CheckEmail(email) is { } problem)
        {
            throw new ArgumentException(problem, nameof(email));
        }
        await using var context = db.Create();
        var contact = await context.AgencyContacts.FindAsync([agencyId], ct);
        if (contact is null)
        {
            contact = new AgencyContact { AgencyId = agencyId, Email = "", UpdatedBy = "" };
            context.AgencyContacts.Add(contact);
        }
        contact.Email = email.Trim();
        contact.ContactName = Blank(contactName);
        contact.Phone = Blank(phone);
        contact.UpdatedAt = clock.GetUtcNow();
        contact.UpdatedBy = actor;
        await context.SaveChangesAsync(ct);
    }

    private bool Matches(Agency a, AgencyFilter f)
    {
        if ((f.Kind is not null && a.KindCode != f.Kind) || (!string.IsNullOrWhiteSpace(f.Name) && !a.Name.Contains(f.Name.Trim(), StringComparison.Ordinal)))
        {
            return false;
        }
        return f.Region is null || a.RegionCode == f.Region
            || (!f.RegionOnly && regions.Find(a.RegionCode)?.ParentCode == f.Region);
    }

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
