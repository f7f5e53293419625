using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 1: outside Development there is no demo account, no account with the demo password, and no seed launch.</summary>
public sealed class DemoAccountTests
{
    [Fact]
    public async Task Start_InProductionWhileTheDemoAccountsExist_IsRefusedWithHowToRemoveThem()
    {
        var directory = HostOn.NewDirectory();
        await using (HostOn.Start("Development", directory, new Dictionary<string, string?> { ["Seed:ImportPolicy"] = "false" }))
        {
            // The Development start created the demo accounts in this database.
        }

        var refusal = Assert.ThrowsAny<Exception>(() => HostOn.Start("Production", directory));

        var message = Flatten(refusal);
        Assert.Contains("remove-demo-accounts", message, StringComparison.Ordinal);
        Assert.Contains("policy-office", message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProductionWhenARealAccountHasTheDemoPassword_IsRefusedNamingIt()
    {
        var directory = HostOn.NewDirectory();
        await using (var first = HostOn.Start("Production", directory))
        {
            await first.CreateUserAsync("zhang-wei", PolicyFlowAccounts.DemoPassword);
        }

        var refusal = Assert.ThrowsAny<Exception>(() => HostOn.Start("Production", directory));

        Assert.Contains("zhang-wei", Flatten(refusal), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProduction_CreatesNoDemoAccountAndImportsNoSeedPolicy_UnlessConfigured()
    {
        await using var production = HostOn.Start("Production", HostOn.NewDirectory());
        await using var configured = HostOn.Start("Production", HostOn.NewDirectory(), new Dictionary<string, string?> { ["Seed:ImportPolicy"] = "true", ["Seed:LaunchPolicy"] = "false" });

        using var demo = production.Client();
        var login = await demo.PostAsync("/api/account/login", System.Net.Http.Json.JsonContent.Create(new { userName = "admin", password = PolicyFlowAccounts.DemoPassword }));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, login.StatusCode);
        Assert.Equal(0, await production.WithServicesAsync(s => s.GetRequiredService<PolicyFlowDbContext>().Policies.CountAsync()));
        Assert.Equal(1, await configured.WithServicesAsync(s => s.GetRequiredService<PolicyFlowDbContext>().Policies.CountAsync()));
        Assert.Equal(0, await configured.WithServicesAsync(s => s.GetRequiredService<PolicyFlowDbContext>().Instances.CountAsync()));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
