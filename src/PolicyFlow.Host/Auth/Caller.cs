using System.Security.Claims;

namespace PolicyFlow.Host.Auth;

/// <summary>The signed-in user as the access rules see them: name, roles and agency.</summary>
internal sealed record Caller(string UserName, IReadOnlySet<string> Roles, string AgencyId)
{
    public bool IsAuthenticated => UserName.Length > 0;

    public bool Is(string role) => Roles.Contains(role);

    public bool IsAny(IEnumerable<string> roles) => roles.Any(Roles.Contains);

    /// <summary>Administrators and leadership read everything; the policy office (督查) supervises every task too.</summary>
    public bool ReadsEverything => Is(Auth.Roles.Administrator) || Is(Auth.Roles.Leadership) || Is(Auth.Roles.PolicyOffice);

    public static Caller From(ClaimsPrincipal user)
    {
        ArgumentNullException.ThrowIfNull(user);
        if (user.Identity?.IsAuthenticated != true)
        {
            return new Caller("", new HashSet<string>(), "");
        }
        var roles = user.FindAll(ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return new Caller(user.Identity.Name ?? "", roles, user.FindFirstValue(PolicyFlowClaims.Agency) ?? "");
    }
}
