using PolicyFlow.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Agencies;

/// <summary>
/// Sets where an agency's notices go (email, contact person, phone). The mail notices read contacts per burst, so the
/// next notice already uses it. Administrators only.
/// </summary>
internal sealed class EditContact(UseCaseAudit audit, DbFactory db, AgencyCatalog catalog, TimeProvider clock)
{
    public const string Operation = Capabilities.AgencyEditContact;

    internal sealed record Request(string Email, string? ContactName, string? Phone);

    public Task<AgencyContact> HandleAsync(Caller caller, string agencyId, Request request, CancellationToken cancellationToken = default) =>
        audit.RunAsync(caller, Capabilities.AgencyEditContact, Operation, $"/agencies/{agencyId}/contact", async () =>
        {
            ArgumentNullException.ThrowIfNull(request);
            _ = catalog.Find(agencyId) ?? throw EngineException.NotFound($"单位 {agencyId} 不存在。 Agency '{agencyId}' does not exist.");
            if (AgencyDirectory.CheckEmail(request.Email) is not null)
            {
                throw EngineException.Invalid($"“{request.Email}”不是有效的邮箱地址。 '{request.Email}' is not an email address.");
            }
            if ((request.ContactName?.Trim().Length ?? 0) > AgencyDirectory.MaxText || (request.Phone?.Trim().Length ?? 0) > AgencyDirectory.MaxText)
            {
                throw EngineException.Invalid($"联系人和电话不超过 {AgencyDirectory.MaxText} 个字符。 Contact name and phone take at most {AgencyDirectory.MaxText} characters.");
            }
            await using var context = db.Create();
            var contact = await context.AgencyContacts.FindAsync([agencyId], cancellationToken);
            if (contact is null)
            {
                contact = new AgencyContact { AgencyId = agencyId, Email = "", UpdatedBy = "" };
                context.AgencyContacts.Add(contact);
            }
            contact.Email = request.Email.Trim();
            contact.ContactName = Blank(request.ContactName);
            contact.Phone = Blank(request.Phone);
            contact.UpdatedAt = clock.GetUtcNow();
            contact.UpdatedBy = caller.UserName;
            await context.SaveChangesAsync(cancellationToken);
            return contact;
        }, cancellationToken);

    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();
}
