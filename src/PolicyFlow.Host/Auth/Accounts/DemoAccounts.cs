using System.Globalization;
using System.Text;
using Microsoft.AspNetCore.Identity;
using PolicyFlow.Directories;

namespace PolicyFlow.Host.Auth.Accounts;

/// <summary>
/// Development only: one account per provincial agency the seed policy names, the 经信 counterparts of 杭州市 and 上城区,
/// leadership, the policy office and an administrator — all with <see cref="Password"/>, printed at start.
/// </summary>
internal static class DemoAccounts
{
    /// <summary>The one demo password (README). Never used outside Development.</summary>
    public const string Password = "PolicyFlow-Demo-2024";

    /// <summary>Every demo account's address ends so; it is how a demo account is told from a real user who happens to be called <c>admin</c>.</summary>
    public const string EmailDomain = "@demo.policyflow.local";

    public static bool IsDemo(string? email) => email?.EndsWith(EmailDomain, StringComparison.OrdinalIgnoreCase) == true;

    private static readonly string[] SeedKinds = ["jx", "rcb", "rlsb", "kj", "fgw", "jy", "cz", "kx", "zgh", "xc", "tz"];

    public static IReadOnlyList<(string UserName, string AgencyId, string Role)> All { get; } =
    [
        ("admin", "jx-330000", Roles.Administrator),
        ("policy-office", "jx-330000", Roles.PolicyOffice),
        ("leader", "jx-330000", Roles.Leadership),
        .. SeedKinds.Select(k => ($"{k}-330000", $"{k}-330000", Roles.AgencyStaff)),
        ("jx-330100", "jx-330100", Roles.AgencyStaff),
        ("jx-330102", "jx-330102", Roles.AgencyStaff),
    ];

    public static async Task EnsureAsync(UserManager<PolicyFlowUser> users, AgencyCatalog catalog)
    {
        // One hash for all: the same password, and 17 PBKDF2 runs would slow every start of a test host.
        string? hash = null;
        foreach (var (userName, agencyId, role) in All)
        {
            if (await users.FindByNameAsync(userName) is not null)
            {
                continue;
            }
            var user = new PolicyFlowUser
            {
                UserName = userName, Email = userName + EmailDomain, EmailConfirmed = true, AgencyId = agencyId,
                DisplayName = catalog.Find(agencyId)?.Name, LockoutEnabled = true,
            };
            user.PasswordHash = hash ??= users.PasswordHasher.HashPassword(user, Password);
            AccountSetup.Check(await users.CreateAsync(user));
            AccountSetup.Check(await users.AddToRoleAsync(user, role));
        }
    }

    public static string Describe(AgencyCatalog catalog)
    {
        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"PolicyFlow demo accounts (Development only) — password for all: {Password}");
        foreach (var (userName, agencyId, role) in All)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"  {userName,-16} {role,-14} {agencyId,-10} {catalog.Find(agencyId)?.Name}");
        }
        return text.ToString();
    }
}
