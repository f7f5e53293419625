using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using PolicyFlow.Activities.Deadlines;

namespace PolicyFlow.Host.Tests.Security;

/// <summary><c>Deadlines:YellowDays</c> is an option like any other: bound, checked at start, and the one threshold every light uses.</summary>
public sealed class LightSettingTests
{
    [Fact]
    public async Task YellowDays_OutOfRange_StopsTheStart_AndAValidOneIsTheThresholdInForce()
    {
        var refused = Assert.ThrowsAny<Exception>(() => HostOn.Start("Development", HostOn.NewDirectory(),
            new Dictionary<string, string?> { ["Deadlines:YellowDays"] = "99", ["Seed:LaunchPolicy"] = "false" }));
        Assert.Contains("Deadlines:YellowDays must be between 0 and 60 days.", Flatten(refused), StringComparison.Ordinal);

        await using var host = HostOn.Start("Development", HostOn.NewDirectory(),
            new Dictionary<string, string?> { ["Deadlines:YellowDays"] = "10", ["Seed:LaunchPolicy"] = "false" });
        var rule = host.Factory.Services.GetRequiredService<WarningLightRule>();
        Assert.Same(rule, host.Factory.Services.GetRequiredService<IOptions<WarningLightRule>>().Value);
        var now = new DateTimeOffset(2026, 12, 1, 9, 0, 0, TimeSpan.FromHours(8));
        // Due in a week: yellow under this host's ten days, green under the default three.
        Assert.Equal(WarningLight.Yellow, rule.Of(now.AddDays(7), now));
        Assert.Equal(WarningLight.Green, WarningLights.Compute(now.AddDays(7), now));
    }

    private static string Flatten(Exception e) => e.InnerException is null ? e.Message : e.Message + "\n" + Flatten(e.InnerException);
}
