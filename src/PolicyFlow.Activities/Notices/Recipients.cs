using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Notifications;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Activities.Notices;

/// <summary>Who an agency's mail goes to: the contact address an administrator set, else the directory's address.</summary>
public sealed class Recipients(AgencyCatalog catalog)
{
    public Recipient? Of(EngineDbContext db, string agencyId)
    {
        ArgumentNullException.ThrowIfNull(db);
        var agency = catalog.Find(agencyId);
        if (agency is null)
        {
            return null;
        }
        var contact = db is PolicyFlowDbContext policyDb
            ? policyDb.AgencyContacts.AsNoTracking().FirstOrDefault(c => c.AgencyId == agencyId)
            : null;
        var email = contact?.Email ?? agency.Email;
        return string.IsNullOrWhiteSpace(email) ? null : new Recipient(email, contact?.ContactName is { Length: > 0 } name ? $"{agency.Name} {name}" : agency.Name);
    }

    public IEnumerable<Recipient> Of(EngineDbContext db, IEnumerable<string> agencyIds) =>
        agencyIds.Distinct().Select(id => Of(db, id)).OfType<Recipient>();
}
