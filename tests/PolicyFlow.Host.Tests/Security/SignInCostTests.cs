using System.Net.Http.Json;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Host.Auth;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 8 (part): a refused sign-in costs one password hash whether or not the name exists, so the answer's time does not
/// tell which names are accounts. Counted, not timed: the password hasher the host uses is wrapped to count its checks.
/// </summary>
public sealed class SignInCostTests
{
    [Fact]
    public async Task AnUnknownName_AndAWrongPassword_AreRefusedAlike_EachAfterOnePasswordHash()
    {
        var counting = new CountingHasher();
        await using var host = HostOn.Start("Development", HostOn.NewDirectory(), new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        await using var factory = host.Factory.WithWebHostBuilder(b =>
            b.ConfigureTestServices(s => s.AddSingleton<IPasswordHasher<PolicyFlowUser>>(counting)));
        using var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = HostOn.Address });
        PolicyFlowAccounts.UseOwnOrigin(client);

        var known = await client.PostAsJsonAsync("/api/account/login", new { userName = "jx-330102", password = "Wrong-Password-1" });
        var afterKnown = counting.Checks;
        var unknown = await client.PostAsJsonAsync("/api/account/login", new { userName = "no-such-account", password = "Wrong-Password-1" });

        Assert.False(known.IsSuccessStatusCode);
        Assert.Equal(known.StatusCode, unknown.StatusCode);
        Assert.Equal(WithoutTrace(await known.Content.ReadAsStringAsync()), WithoutTrace(await unknown.Content.ReadAsStringAsync()));
        Assert.Equal(1, afterKnown);
        Assert.Equal(2, counting.Checks);
    }

    private static string WithoutTrace(string problem) =>
        System.Text.RegularExpressions.Regex.Replace(problem, "\"traceId\":\"[^\"]*\"", "");

    private sealed class CountingHasher : IPasswordHasher<PolicyFlowUser>
    {
        private readonly PasswordHasher<PolicyFlowUser> _inner = new();
        private int _checks;

        public int Checks => Volatile.Read(ref _checks);

        public string HashPassword(PolicyFlowUser user, string password) => _inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(PolicyFlowUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref _checks);
            return _inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
