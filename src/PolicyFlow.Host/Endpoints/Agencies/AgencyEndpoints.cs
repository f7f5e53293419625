using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Directories;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.Agencies;

/// <summary><c>/api/agencies</c> (the 条块 directory with editable contacts) and <c>/api/regions</c>.</summary>
internal static class AgencyEndpoints
{
    internal sealed record ContactRequest(string Email, string? ContactName, string? Phone);

    public static void MapAgencyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/regions", (string? parent, RegionDirectory regions) =>
            parent is null ? regions.All : regions.CountiesOf(parent)).WithTags("Directory");
        var group = api.MapGroup("/agencies").WithTags("Directory");
        group.MapGet("/", async (string? kind, string? region, string? q, AgencyDirectoryView view, CancellationToken ct) =>
            (await view.ListAsync(ct)).Where(a => (kind is null || a.KindCode == kind) && (region is null || a.RegionCode == region)
                && (q is null || a.Name.Contains(q, StringComparison.Ordinal))));
        group.MapGet("/{id}", async (string id, AgencyDirectoryView view, CancellationToken ct) =>
            (await view.ListAsync(ct)).FirstOrDefault(a => a.Id == id) ?? throw EngineException.NotFound($"Agency '{id}' does not exist."));
        group.MapPut("/{id}/contact", async (string id, ContactRequest request, AgencyCatalog catalog, PolicyFlowDbContext db, TimeProvider clock,
            HttpContext http, CancellationToken ct) =>
        {
            _ = catalog.Find(id) ?? throw EngineException.NotFound($"Agency '{id}' does not exist.");
            if (string.IsNullOrWhiteSpace(request.Email) || !new EmailAddressAttribute().IsValid(request.Email) || request.Email.Length > 320)
            {
                throw EngineException.Invalid($"'{request.Email}' is not an email address.");
            }
            var contact = await db.AgencyContacts.FindAsync([id], ct);
            if (contact is null)
            {
                contact = new AgencyContact { AgencyId = id, Email = request.Email, UpdatedBy = "" };
                db.AgencyContacts.Add(contact);
            }
            contact.Email = request.Email.Trim();
            contact.ContactName = request.ContactName?.Trim();
            contact.Phone = request.Phone?.Trim();
            contact.UpdatedAt = clock.GetUtcNow();
            contact.UpdatedBy = Actor.Of(http.User);
            await db.SaveChangesAsync(ct);
            return Results.Ok(contact);
        });
    }
}
