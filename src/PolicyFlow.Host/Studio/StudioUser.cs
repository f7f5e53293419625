using Microsoft.AspNetCore.Components.Authorization;
using PolicyFlow.Directories;
using PolicyFlow.Host.Application;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Studio;

/// <summary>
/// Who is using the Studio: the signed-in user of the circuit (at prerender, of the request). Read afresh on every call, so
/// a handler checks the rights of the user as they are when the button is pressed.
/// </summary>
internal sealed class StudioUser(AuthenticationStateProvider authentication, AgencyCatalog catalog)
{
    public async Task<System.Security.Claims.ClaimsPrincipal> PrincipalAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User;

    public async Task<Caller> CallerAsync() => Caller.From(await PrincipalAsync());

    /// <summary>The agency's name for the badge, or its id when the catalog does not know it.</summary>
    public string AgencyName(Caller caller)
    {
        ArgumentNullException.ThrowIfNull(caller);
        return catalog.Find(caller.AgencyId)?.Name ?? caller.AgencyId;
    }

    /// <summary>Designer save/publish, policy import/launch, launching and cancelling instances.</summary>
    public static bool Designs(Caller caller) => caller is not null && Capabilities.Has(caller, Capabilities.DefinitionPublish);

    /// <summary>Editing agency contacts (where notices go).</summary>
    public static bool Administers(Caller caller) => caller is not null && Capabilities.Has(caller, Capabilities.AgencyEditContact);

    /// <summary>The users page: locks, roles, tokens.</summary>
    public static bool ManagesUsers(Caller caller) => caller is not null && Capabilities.Has(caller, Capabilities.UserAdmin);

    public static bool ReadsOutbox(Caller caller) => caller is not null && Capabilities.Has(caller, Capabilities.OutboxRead);
}
