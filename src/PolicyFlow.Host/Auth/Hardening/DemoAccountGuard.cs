using System.Collections.Concurrent;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Host.Auth.Accounts;

namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// Outside Development there is no default way in: the host refuses to start while a demo account exists (its address is
/// <c>…@demo.policyflow.local</c>) or any account's password is the published demo password, and says how to remove them.
/// </summary>
internal static class DemoAccountGuard
{
    public const string Command = "remove-demo-accounts";

    /// <summary>The user names of demo accounts and of accounts whose password verifies against <see cref="DemoAccounts.Password"/>.</summary>
    public static async Task<IReadOnlyList<string>> FindAsync(UserManager<PolicyFlowUser> users, CancellationToken cancellationToken)
    {
        var all = await users.Users.AsNoTracking().Select(u => new { u.UserName, u.Email, u.PasswordHash }).ToListAsync(cancellationToken);
        // One PBKDF2 run per distinct hash (the demo accounts share one), spread over the cores.
        var demoHashes = new ConcurrentBag<string>();
        var hasher = users.PasswordHasher;
        await Parallel.ForEachAsync(all.Select(u => u.PasswordHash).OfType<string>().Distinct(StringComparer.Ordinal), cancellationToken, (hash, _) =>
        {
            if (hasher.VerifyHashedPassword(new PolicyFlowUser(), hash, DemoAccounts.Password) != PasswordVerificationResult.Failed)
            {
                demoHashes.Add(hash);
            }
            return ValueTask.CompletedTask;
        });
        var demo = demoHashes.ToHashSet(StringComparer.Ordinal);
        return [.. all.Where(u => DemoAccounts.IsDemo(u.Email) || (u.PasswordHash is { } h && demo.Contains(h)))
            .Select(u => u.UserName ?? u.Email ?? "?").Order(StringComparer.Ordinal)];
    }

    /// <summary>Throws, with what to do, when <see cref="FindAsync"/> finds anything.</summary>
    public static async Task EnsureNoneAsync(UserManager<PolicyFlowUser> users, string environment, CancellationToken cancellationToken)
    {
        var found = await FindAsync(users, cancellationToken);
        if (found.Count > 0)
        {
            throw new InvalidOperationException(
                $"PolicyFlow does not start in {environment} while demo accounts or accounts with the demo password exist: {string.Join(", ", found)}. " +
                $"Remove them with `dotnet PolicyFlow.Host.dll {Command}` (from source: `dotnet run --project src/PolicyFlow.Host -- {Command}`), " +
                "which deletes the demo accounts and gives every other listed account a new generated password, printed once. " +
                "Demo accounts exist only in Development (ASPNETCORE_ENVIRONMENT=Development).");
        }
    }
}
