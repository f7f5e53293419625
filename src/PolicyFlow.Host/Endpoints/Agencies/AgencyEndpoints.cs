using PolicyFlow.Directories;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application.Agencies;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Agencies;

/// <summary><c>/api/agencies</c> (the 条块 directory with editable contacts) and <c>/api/regions</c>.</summary>
internal static class AgencyEndpoints
{
    /// <summary>An agency as the API lists it: the catalog's entry with the contact its notices go to.</summary>
    internal sealed record Row(string Id, string Name, string KindCode, string RegionCode, IReadOnlyList<string> Aliases, string Email,
        string? ContactName, string? Phone, bool EmailEdited)
    {
        public static Row From(AgencyRow a) =>
            new(a.Agency.Id, a.Agency.Name, a.Agency.KindCode, a.Agency.RegionCode, a.Agency.Aliases, a.Email, a.ContactName, a.Phone, a.Edited);
    }

    public static void MapAgencyEndpoints(this IEndpointRouteBuilder api)
    {
        api.MapGet("/regions", (string? parent, RegionDirectory regions) =>
            parent is null ? regions.All : regions.CountiesOf(parent)).WithTags("Directory");
        var group = api.MapGroup("/agencies").WithTags("Directory");
        group.MapGet("/", async (string? kind, string? region, string? q, AgencyDirectory directory, CancellationToken ct) =>
            (await directory.ListAsync(new AgencyFilter(kind, region, RegionOnly: true, Name: q), ct)).Select(Row.From));
        group.MapGet("/{id}", async (string id, AgencyDirectory directory, CancellationToken ct) =>
            (await directory.ListAsync(new AgencyFilter(Id: id), ct)).Select(Row.From).FirstOrDefault()
                ?? throw EngineException.NotFound($"Agency '{id}' does not exist."));
        group.MapPut("/{id}/contact", async (string id, EditContact.Request request, EditContact useCase, HttpContext http, CancellationToken ct) =>
            TypedResults.Ok(await useCase.HandleAsync(Caller.From(http.User), id, request, ct)));
    }
}
