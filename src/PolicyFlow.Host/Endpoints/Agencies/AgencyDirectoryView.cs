using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Persistence;

namespace PolicyFlow.Host.Endpoints.Agencies;

/// <summary>The catalog's agencies with the contact details administrators have set.</summary>
internal sealed class AgencyDirectoryView(AgencyCatalog catalog, PolicyFlowDbContext db)
{
    internal sealed record Row(string Id, string Name, string KindCode, string RegionCode, IReadOnlyList<string> Aliases, string Email,
        string? ContactName, string? Phone, bool EmailEdited);

    public async Task<IReadOnlyList<Row>> ListAsync(CancellationToken cancellationToken)
    {
        var contacts = await db.AgencyContacts.AsNoTracking().ToDictionaryAsync(c => c.AgencyId, cancellationToken);
        return catalog.All.Select(a => contacts.TryGetValue(a.Id, out var c)
            ? new Row(a.Id, a.Name, a.KindCode, a.RegionCode, a.Aliases, c.Email, c.ContactName, c.Phone, true)
            : new Row(a.Id, a.Name, a.KindCode, a.RegionCode, a.Aliases, a.Email ?? "", null, null, false)).ToList();
    }
}
