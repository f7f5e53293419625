using Microsoft.AspNetCore.Identity;
using PolicyFlow.Host.Auth.Accounts;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Hardening;

/// <summary>
/// <c>PolicyFlow.Host remove-demo-accounts</c>: deletes the demo accounts and gives every other account that still has the
/// demo password a generated one (printed once), then exits — what the start-up refusal outside Development asks for.
/// </summary>
internal static class RemoveDemoAccountsCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != DemoAccountGuard.Command)
        {
            return false;
        }
        await app.Services.GetRequiredService<AccountsDb>().MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<PolicyFlowUser>>();
        foreach (var name in await DemoAccountGuard.FindAsync(users, CancellationToken.None))
        {
            if (await users.FindByNameAsync(name) is not { } user)
            {
                continue;
            }
            if (DemoAccounts.IsDemo(user.Email))
            {
                AccountSetup.Check(await users.DeleteAsync(user));
                await Console.Out.WriteLineAsync($"Deleted demo account '{name}'.");
                continue;
            }
            var password = Passwords.Generate();
            AccountSetup.Check(await users.RemovePasswordAsync(user));
            AccountSetup.Check(await users.AddPasswordAsync(user, password));
            await Console.Out.WriteLineAsync($"Account '{name}' had the demo password; new password (shown once): {password}");
        }
        return true;
    }
}
