using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Endpoints.Users;

/// <summary>
/// Administrators end a user's sessions: lock and unlock, change the role, revoke every access token. Each change renews
/// the user's security stamp, so their cookies and Studio circuits end within <c>Authentication:SessionRevalidationSeconds</c>
/// and their tokens at the next request.
/// </summary>
internal static class UserAdministration
{
    internal sealed record RoleRequest(string? Role);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapPost("/{userName}/lock", async (string userName, ClaimsPrincipal caller, UserManager<PolicyFlowUser> users) =>
        {
            var user = await FindAsync(users, userName);
            if (user.Id == users.GetUserId(caller))
            {
                throw EngineException.Invalid("不能锁定自己的账户。 You cannot lock your own account.");
            }
            await users.SetLockoutEnabledAsync(user, true);
            await users.SetLockoutEndDateAsync(user, DateTimeOffset.MaxValue);
            await users.UpdateSecurityStampAsync(user);
            return await UserView.FromAsync(user, users);
        });
        group.MapPost("/{userName}/unlock", async (string userName, UserManager<PolicyFlowUser> users) =>
        {
            var user = await FindAsync(users, userName);
            await users.SetLockoutEndDateAsync(user, null);
            await users.ResetAccessFailedCountAsync(user);
            return await UserView.FromAsync(user, users);
        });
        group.MapPut("/{userName}/role", async (string userName, RoleRequest request, ClaimsPrincipal caller, UserManager<PolicyFlowUser> users) =>
        {
            if (request.Role is null || !Roles.All.Contains(request.Role))
            {
                throw EngineException.Invalid($"角色须为以下之一 role must be one of: {string.Join(", ", Roles.All)}.");
            }
            var user = await FindAsync(users, userName);
            if (user.Id == users.GetUserId(caller) && request.Role != Roles.Administrator)
            {
                throw EngineException.Invalid("不能取消自己的管理员角色。 You cannot take the administrator role from yourself.");
            }
            var current = await users.GetRolesAsync(user);
            Check(await users.RemoveFromRolesAsync(user, current));
            Check(await users.AddToRoleAsync(user, request.Role));
            await users.UpdateSecurityStampAsync(user);
            return await UserView.FromAsync(user, users);
        });
        group.MapDelete("/{userName}/tokens", async (string userName, UserManager<PolicyFlowUser> users, AccountsDbContext db, TimeProvider clock, CancellationToken ct) =>
        {
            var user = await FindAsync(users, userName);
            var now = clock.GetUtcNow();
            var revoked = await db.AccessTokens.Where(t => t.UserId == user.Id && t.RevokedAt == null)
                .ExecuteUpdateAsync(s => s.SetProperty(t => t.RevokedAt, now), ct);
            return new { revoked };
        });
    }

    private static async Task<PolicyFlowUser> FindAsync(UserManager<PolicyFlowUser> users, string userName) =>
        await users.FindByNameAsync(userName) ?? throw EngineException.NotFound($"用户不存在 No user named '{userName}'.");

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw EngineException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
