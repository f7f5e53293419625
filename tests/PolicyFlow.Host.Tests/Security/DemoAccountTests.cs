using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 1: outside Development there is no demo account, no account with the demo password, and no seed launch.</summary>
public sealed class DemoAccountTests
{
    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Start_InProductionWithDemoAccountsOrTheDemoPassword_IsRefused_UntilRemoveDemoAccountsHasRun(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using (var development = HostOn.Start("Development", storage.Environment, new Dictionary<string, string?> { ["Seed:ImportPolicy"] = "false" }))
        {
            // Development made the demo accounts; a real user was then given the published demo password.
            await development.CreateUserAsync("zhang-wei", PolicyFlowAccounts.DemoPassword);
        }

        var refusal = Flatten(Assert.ThrowsAny<Exception>(() => HostOn.Start("Production", storage.Environment)));
        var (exitCode, output) = await RunHostCommandAsync(storage.Environment, "remove-demo-accounts");
        await using var production = HostOn.Start("Production", storage.Environment);

        Assert.Contains("remove-demo-accounts", refusal, StringComparison.Ordinal);
        Assert.Contains("policy-office", refusal, StringComparison.Ordinal);
        Assert.Contains("zhang-wei", refusal, StringComparison.Ordinal);
        Assert.True(exitCode == 0, output);
        Assert.Contains("Deleted demo account 'admin'", output, StringComparison.Ordinal);
        Assert.Contains("Account 'zhang-wei' had the demo password", output, StringComparison.Ordinal);
        using var client = production.Client();
        var login = await client.PostAsync("/api/account/login", System.Net.Http.Json.JsonContent.Create(new { userName = "zhang-wei", password = PolicyFlowAccounts.DemoPassword }));
        Assert.Equal(System.Net.HttpStatusCode.Unauthorized, login.StatusCode);
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

    /// <summary>Runs <c>PolicyFlow.Host.dll COMMAND</c> in Production on <paramref name="storage"/>, as an operator would.</summary>
    private static async Task<(int ExitCode, string Output)> RunHostCommandAsync(IReadOnlyDictionary<string, string> storage, string command)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var binaries = RepositoryRoot.Combine("src", "PolicyFlow.Host", "bin", configuration, "net10.0");
        var info = new ProcessStartInfo("dotnet", [Path.Combine(binaries, "PolicyFlow.Host.dll"), command])
        {
            WorkingDirectory = binaries, RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        foreach (var (key, value) in storage)
        {
            info.Environment[key] = value;
        }
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);
        return (process.ExitCode, await output + await errors);
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + " | " + Flatten(e.InnerException);
}
