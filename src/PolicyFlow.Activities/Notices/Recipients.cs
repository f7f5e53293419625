using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Activities.Notices;

/// <summary>Who an agency's mail goes to: the contact address an administrator set (else the directory's), and the agency's users.</summary>
public sealed class Recipients(AgencyCatalog catalog, IEnumerable<IAgencyMailboxes> mailboxes)
{
    // The contacts table is small (one row per edited agency); each context reads it once, not once per message.
    private readonly ConditionalWeakTable<EngineDbContext, Dictionary<string, AgencyContact>> _contacts = [];

    public Recipient? Of(EngineDbContext db, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agency = catalog.Find(agencyId);
        if (agency is null)
        {
            return null;
        }
        var contacts = _contacts.GetValue(db, d => d.Model.FindEntityType(typeof(AgencyContact)) is not null
            ? d.Set<AgencyContact>().AsNoTracking().ToDictionary(c => c.AgencyId)
            : []);
        var contact = contacts.GetValueOrDefault(agencyId);
        var email = contact?.Email ?? agency.Email;
        return string.IsNullOrWhiteSpace(email) ? null
            : new Recipient(email, contact?.ContactName is { Length: > 0 } name ? $"{agency.Name} {name}" : agency.Name, AgencyId: agencyId);
    }

    /// <summary>Everyone who receives the agencies' mail: each agency's contact address and its users, once each.</summary>
    public IEnumerable<Recipient> Of(EngineDbContext db, IEnumerable<string> agencyIds) =>
        agencyIds.Distinct()
            .SelectMany(id => new[] { Of(db, id) }.OfType<Recipient>().Concat(mailboxes.SelectMany(m => m.UsersOf(id)).Select(r => r with { AgencyId = id })))
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase);
}
