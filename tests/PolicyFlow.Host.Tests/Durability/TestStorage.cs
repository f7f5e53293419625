using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Durability;

/// <summary>Storage settings for a host process: a SQLite file in a temp folder, or a fresh PostgreSQL database.</summary>
public sealed class TestStorage : IAsyncDisposable
{
    private readonly PostgresDatabase? _postgres;
    private readonly string? _directory;

    private TestStorage(Dictionary<string, string> environment, PostgresDatabase? postgres, string? directory)
    {
        Environment = environment;
        _postgres = postgres;
        _directory = directory;
    }

    public IReadOnlyDictionary<string, string> Environment { get; }

    public static async Task<TestStorage> CreateAsync(string provider)
    {
        if (provider == "PostgreSql")
        {
            var database = await PostgresServer.CreateDatabaseAsync("host");
            return new TestStorage(new() { ["Storage__Provider"] = "PostgreSql", ["Storage__ConnectionString"] = database.ConnectionString }, database, null);
        }
        var directory = Directory.CreateTempSubdirectory("pf-host-").FullName;
        return new TestStorage(new() { ["Storage__Provider"] = "Sqlite", ["Storage__ConnectionString"] = $"Data Source={Path.Combine(directory, "pf.db")}" }, null, directory);
    }

    public async ValueTask DisposeAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
        if (_directory is not null)
        {
            Directory.Delete(_directory, recursive: true);
        }
    }
}
