using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Users;

/// <summary>
/// Locks an account until an administrator unlocks it. The security stamp is renewed, so the user's cookies and Studio
/// circuits end within <c>Authentication:SessionRevalidationSeconds</c> and their tokens at the next request.
/// </summary>
internal sealed class LockUser(UserAdminGate gate)
{
    public const string Operation = "user.lock";

    public Task<UserView> HandleAsync(Caller caller, string userName, CancellationToken cancellationToken = default) =>
        gate.RunAsync(caller, Operation, userName, async (users, user) =>
        {
            if (UserAdminGate.IsSelf(caller, user))
            {
                throw EngineException.Invalid("不能锁定自己的账户。 You cannot lock your own account.");
            }
            // One write (the stamp's update saves the whole user), not three: each UpdateAsync checks the concurrency stamp, and
            // a write to the user between them (a sign-in elsewhere) would leave the account half locked.
            user.LockoutEnabled = true;
            user.LockoutEnd = DateTimeOffset.MaxValue;
            UserAdminGate.Check(await users.UpdateSecurityStampAsync(user));
            return await UserView.FromAsync(user, users);
        }, cancellationToken);
}
