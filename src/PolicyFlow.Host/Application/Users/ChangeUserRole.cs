using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Users;

/// <summary>Gives a user exactly one role; the renewed security stamp ends their sessions under the old role.</summary>
internal sealed class ChangeUserRole(UserAdminGate gate)
{
    public const string Operation = "user.role";

    public Task<UserView> HandleAsync(Caller caller, string userName, string? role, CancellationToken cancellationToken = default) =>
        gate.RunAsync(caller, Operation, userName, async (users, user) =>
        {
            if (role is null || !Roles.All.Contains(role))
            {
                throw EngineException.Invalid($"角色须为以下之一 role must be one of: {string.Join(", ", Roles.All)}.");
            }
            if (UserAdminGate.IsSelf(caller, user) && role != Roles.Administrator)
            {
                throw EngineException.Invalid("不能取消自己的管理员角色。 You cannot take the administrator role from yourself.");
            }
            var current = await users.GetRolesAsync(user);
            if (current.Count != 1 || current[0] != role)
            {
                UserAdminGate.Check(await users.RemoveFromRolesAsync(user, current));
                UserAdminGate.Check(await users.AddToRoleAsync(user, role));
                UserAdminGate.Check(await users.UpdateSecurityStampAsync(user));
            }
            return await UserView.FromAsync(user, users);
        }, cancellationToken);
}
