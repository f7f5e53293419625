using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Users;

/// <summary>Ends a lock (an administrator's, or the 15 minutes after five wrong passwords) and clears the failure count.</summary>
internal sealed class UnlockUser(UserAdminGate gate)
{
    public const string Operation = "user.unlock";

    public Task<UserView> HandleAsync(Caller caller, string userName, CancellationToken cancellationToken = default) =>
        gate.RunAsync(caller, Operation, userName, async (users, user) =>
        {
            UserAdminGate.Check(await users.SetLockoutEndDateAsync(user, null));
            UserAdminGate.Check(await users.ResetAccessFailedCountAsync(user));
            return await UserView.FromAsync(user, users);
        }, cancellationToken);
}
