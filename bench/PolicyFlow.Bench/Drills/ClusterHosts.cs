using PolicyFlow.Host.Storage;
using PolicyFlow.Testing;

namespace PolicyFlow.Bench.Drills;

/// <summary>The drill's own PostgreSQL cluster, a fresh database on it, and two hosts (seed launched) on that database.</summary>
internal sealed class ClusterHosts : IAsyncDisposable
{
    private ClusterHosts(DrillCluster cluster, BenchStorage storage)
    {
        Cluster = cluster;
        Storage = storage;
    }

    public DrillCluster Cluster { get; }
    public BenchStorage Storage { get; }
    public DbFactory Factory => Storage.Factory;
    public List<PolicyFlowProcess> Hosts { get; } = [];

    public static async Task<ClusterHosts> StartAsync(int port, IReadOnlyDictionary<string, string>? environment = null)
    {
        var cluster = await DrillCluster.StartAsync(port);
        var started = new ClusterHosts(cluster, await BenchStorage.CreateAsync("PostgreSql", cluster.ConnectionString));
        try
        {
            started.Hosts.Add(await BenchHosts.StartAsync(started.Factory, extra: environment));
            started.Hosts.Add(await BenchHosts.StartAsync(started.Factory, extra: environment));
            return started;
        }
        catch
        {
            await started.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var host in Hosts)
        {
            await host.DisposeAsync();
        }
        await Storage.DisposeAsync();
        await Cluster.DisposeAsync();
    }
}
