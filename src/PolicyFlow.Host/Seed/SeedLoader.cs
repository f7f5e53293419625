using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Seed;

/// <summary>
/// At start: publishes the shared city and county definitions, imports the seed policy and launches its measures.
/// Every step is idempotent, so a restart or a second host changes nothing.
/// </summary>
internal sealed class SeedLoader(DefinitionService definitions, PolicyPublisher publisher, PolicyLauncher launcher, DbFactory dbFactory,
    IServiceProvider services, IOptions<SeedOptions> options, IHostEnvironment environment, ILogger<SeedLoader> logger)
{
    public const string SeedResource = "PolicyFlow.Seed.zhejiang-2024-151.txt";

    public static string SeedText()
    {
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(SeedResource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>Loads the seed; a second host loading at the same moment makes the first attempt conflict, and the retry finds its work done.</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await LoadOnceAsync(cancellationToken);
                return;
            }
            catch (Exception ex) when (attempt < 5 && ex is Microsoft.EntityFrameworkCore.DbUpdateException or System.Data.Common.DbException)
            {
                logger.LogInformation(ex, "Seed load conflicted with another host; trying again");
                await Task.Delay(TimeSpan.FromMilliseconds(200 * attempt), cancellationToken);
            }
        }
    }

    /// <summary>Whether the policy's first measure has an instance: the demo is played only on a database where it has not.</summary>
    private async Task<bool> LaunchedAsync(string policyId, CancellationToken cancellationToken)
    {
        await using var db = dbFactory.Create();
        var first = await db.Measures.AsNoTracking().Where(m => m.PolicyId == policyId).OrderBy(m => m.Number).FirstAsync(cancellationToken);
        var id = PolicyLauncher.InstanceIdOf(first);
        return await db.Instances.AnyAsync(i => i.Id == id, cancellationToken);
    }

    private async Task LoadOnceAsync(CancellationToken cancellationToken)
    {
        foreach (var name in WorkflowTemplates.Shared)
        {
            // Only when missing: a restart must not publish the built-in template over the policy office's own version.
            if (await definitions.GetAsync(name, null, cancellationToken) is null)
            {
                await definitions.SaveAndPublishAsync(WorkflowTemplates.Read(name), "seed", cancellationToken);
            }
        }
        if (!(options.Value.ImportPolicy ?? environment.IsDevelopment()))
        {
            return;
        }
        var policy = await publisher.PublishAsync(new ImportRequest(SeedText()), "seed", cancellationToken);
        logger.LogInformation("Seed policy {Id} {Number} loaded with {Count} measures", policy.Id, policy.DocumentNumber, policy.Measures.Count);
        if (!(options.Value.LaunchPolicy ?? environment.IsDevelopment()))
        {
            return;
        }
        if (services.GetService<DemoPlayback>() is { } demo && !await LaunchedAsync(policy.Id, cancellationToken))
        {
            await demo.PlayAsync(policy.Id, cancellationToken);
            return;
        }
        await launcher.LaunchAsync(policy.Id, "seed", cancellationToken);
    }
}
