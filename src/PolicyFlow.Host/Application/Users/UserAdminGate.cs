using Microsoft.AspNetCore.Identity;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Users;

/// <summary>
/// What every user-administration use case shares: only an administrator, the user looked up by name, the work done on a
/// short-lived scope (Identity's stores are scoped), and one audit entry for the outcome — done or refused.
/// </summary>
internal sealed class UserAdminGate(IServiceScopeFactory scopes, UseCaseAudit audit)
{
    public async Task<T> RunAsync<T>(Caller caller, string operation, string userName, Func<UserManager<PolicyFlowUser>, PolicyFlowUser, Task<T>> action,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(action);
        var subject = Subject(userName);
        await audit.RequireAsync(caller, Capabilities.UserAdmin, operation, subject, cancellationToken, Refusal);
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PolicyFlowUser>>();
        return await audit.AuditedAsync(caller, operation, subject, async () =>
        {
            var user = await users.FindByNameAsync(userName) ?? throw EngineException.NotFound($"用户不存在 No user named '{userName}'.");
            return await action(users, user);
        }, cancellationToken);
    }

    public const string Refusal = "只有管理员可以管理用户。 Only an administrator manages users.";

    public static string Subject(string userName) => $"/users/{userName}";

    public static bool IsSelf(Caller caller, PolicyFlowUser user) => string.Equals(caller.UserName, user.UserName, StringComparison.Ordinal);

    public static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw EngineException.Invalid(string.Join(" ", result.Errors.Select(e => e.Description)));
        }
    }
}
