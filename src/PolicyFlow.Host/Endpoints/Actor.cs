using System.Security.Claims;

namespace PolicyFlow.Host.Endpoints;

/// <summary>Who is acting, as written in the journal.</summary>
internal static class Actor
{
    public static string Of(ClaimsPrincipal user) => user.Identity?.IsAuthenticated == true ? user.Identity.Name ?? "user" : "anonymous";
}
