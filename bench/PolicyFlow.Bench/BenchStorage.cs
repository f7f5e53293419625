using Npgsql;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Bench;

/// <summary>A fresh database per run: a SQLite file in a temp folder, or a new PostgreSQL database.</summary>
internal sealed class BenchStorage : IAsyncDisposable
{
    private readonly string? _pgName;
    private readonly string? _directory;
    private readonly string? _server;

    private BenchStorage(DbFactory factory, string? pgName, string? directory, string? server = null)
    {
        Factory = factory;
        _pgName = pgName;
        _directory = directory;
        _server = server;
    }

    public DbFactory Factory { get; }

    public static string? PostgresServer =>
        Environment.GetEnvironmentVariable("POLICYFLOW_BENCH_PG") ?? Environment.GetEnvironmentVariable("POLICYFLOW_TEST_PG");

    /// <param name="server">The PostgreSQL server to create the database on; the shared bench or test server by default.</param>
    public static async Task<BenchStorage> CreateAsync(string provider, string? server = null)
    {
        BenchStorage storage;
        if (provider == "PostgreSql")
        {
            server ??= PostgresServer ?? throw new InvalidOperationException("Set POLICYFLOW_BENCH_PG (or run bench/run.sh, which starts a server).");
            var name = $"pf_bench_{Guid.NewGuid():N}"[..20];
            await using (var connection = new NpgsqlConnection(server))
            {
                await connection.OpenAsync();
                await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
                await command.ExecuteNonQueryAsync();
            }
            var cs = new NpgsqlConnectionStringBuilder(server) { Database = name, MaxPoolSize = 100 }.ConnectionString;
            storage = new BenchStorage(new DbFactory(StorageProvider.PostgreSql, cs), name, null, server);
        }
        else
        {
            var directory = Directory.CreateTempSubdirectory("pf-bench-").FullName;
            storage = new BenchStorage(new DbFactory(StorageProvider.Sqlite, $"Data Source={Path.Combine(directory, "bench.db")}"), null, directory);
        }
        await storage.Factory.MigrateAsync();
        return storage;
    }

    public async ValueTask DisposeAsync()
    {
        if (_pgName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_server);
            await connection.OpenAsync();
            await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{_pgName}\" WITH (FORCE)", connection);
            await command.ExecuteNonQueryAsync();
        }
        if (_directory is not null)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(_directory, true);
        }
    }
}
