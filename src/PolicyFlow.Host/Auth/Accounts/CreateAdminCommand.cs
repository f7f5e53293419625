using Microsoft.AspNetCore.Identity;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>
/// <c>PolicyFlow.Host create-admin --user NAME --email E [--agency jx-330000]</c>: creates an administrator and exits. The
/// password is read from standard input when it is redirected, otherwise generated and printed once. This is how the
/// first administrator of a Production installation exists: there is no default password.
/// </summary>
internal static class CreateAdminCommand
{
    public static async Task<bool> TryRunAsync(WebApplication app, string[] args)
    {
        ArgumentNullException.ThrowIfNull(app);
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length == 0 || args[0] != "create-admin")
        {
            return false;
        }
        var userName = Option(args, "--user");
        var email = Option(args, "--email");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(email))
        {
            await Console.Error.WriteLineAsync("usage: create-admin --user NAME --email ADDRESS [--agency jx-330000]  (password on stdin, or one is generated)");
            Environment.ExitCode = 2;
            return true;
        }
        var generated = !Console.IsInputRedirected;
        var password = generated ? Passwords.Generate() : (await Console.In.ReadLineAsync())?.Trim() ?? "";
        await app.Services.GetRequiredService<AccountsDb>().MigrateAsync();
        await using var scope = app.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await AccountSetup.EnsureRolesAsync(services.GetRequiredService<RoleManager<IdentityRole>>());
        var user = new PolicyFlowUser
        {
            UserName = userName, Email = email, EmailConfirmed = true, AgencyId = Option(args, "--agency") ?? "jx-330000", LockoutEnabled = true,
        };
        try
        {
            await AccountSetup.CreateAsync(services.GetRequiredService<UserManager<PolicyFlowUser>>(), user, password, Roles.Administrator);
        }
        catch (EngineException e)
        {
            await Console.Error.WriteLineAsync($"create-admin failed: {e.Message}");
            Environment.ExitCode = 1;
            return true;
        }
        await Console.Out.WriteLineAsync($"Administrator '{userName}' created." + (generated ? $" Password (shown once): {password}" : ""));
        return true;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
