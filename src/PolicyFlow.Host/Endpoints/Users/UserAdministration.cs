using System.Security.Claims;
using PolicyFlow.Host.Application.Users;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>
/// Administrators end a user's sessions: lock and unlock, change the role, revoke every access token — adapters over the
/// use cases in <c>Application/Users</c>, which the Studio's users page calls too.
/// </summary>
internal static class UserAdministration
{
    internal sealed record RoleRequest(string? Role);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{userName}/lock", (string userName, ClaimsPrincipal caller, LockUser useCase, CancellationToken ct) =>
            useCase.HandleAsync(Caller.From(caller), userName, ct));
        group.MapPost("/{userName}/unlock", (string userName, ClaimsPrincipal caller, UnlockUser useCase, CancellationToken ct) =>
            useCase.HandleAsync(Caller.From(caller), userName, ct));
        group.MapPut("/{userName}/role", (string userName, RoleRequest request, ClaimsPrincipal caller, ChangeUserRole useCase, CancellationToken ct) =>
            useCase.HandleAsync(Caller.From(caller), userName, request.Role, ct));
        group.MapDelete("/{userName}/tokens", async (string userName, ClaimsPrincipal caller, RevokeUserTokens useCase, CancellationToken ct) =>
            new { revoked = await useCase.HandleAsync(Caller.From(caller), userName, ct) });
    }
}
