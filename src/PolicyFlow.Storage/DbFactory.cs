using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Host.Storage;

/// <summary>Creates contexts for the configured provider; options are built once.</summary>
public sealed class DbFactory : IEngineDbFactory
{
    private readonly Func<PolicyFlowDbContext> _create;

    public DbFactory(StorageProvider provider, string connectionString)
    {
        Provider = provider;
        ConnectionString = connectionString;
        if (provider == StorageProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqlitePolicyFlowDbContext>()
                .UseSqlite(connectionString, o => o.CommandTimeout(60))
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _create = () => new SqlitePolicyFlowDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresPolicyFlowDbContext>()
                .UseNpgsql(connectionString)
                .Options;
            _create = () => new PostgresPolicyFlowDbContext(options);
        }
    }

    public StorageProvider Provider { get; }
    public string ConnectionString { get; }

    public PolicyFlowDbContext Create() => _create();

    EngineDbContext IEngineDbFactory.Create() => _create();

    /// <summary>Builds the factory from options: SQLite defaults to a file under <paramref name="contentRoot"/>/data.</summary>
    public static DbFactory From(StorageOptions options, string contentRoot)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Provider == StorageProvider.PostgreSql)
        {
            return new DbFactory(StorageProvider.PostgreSql, options.ConnectionString!);
        }
        var connectionString = options.ConnectionString;
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            var dataDirectory = Path.Combine(contentRoot, "data");
            Directory.CreateDirectory(dataDirectory);
            connectionString = new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "policyflow.db") }.ToString();
        }
        return new DbFactory(StorageProvider.Sqlite, connectionString);
    }

    /// <summary>The advisory lock key PolicyFlow's hosts migrate under ("PFMIGRAT" read as a number).</summary>
    private const long MigrationLock = 0x50464D4947524154;

    /// <summary>Creates the schema by the provider's migrations.</summary>
    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Create();
        await MigrateInTurnAsync(db, cancellationToken);
        if (Provider == StorageProvider.Sqlite)
        {
            // WAL lets readers work while a burst writes; it is a property of the file, set once.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }
    }

    /// <summary>
    /// Applies <paramref name="db"/>'s migrations; on PostgreSQL under one advisory lock for every PolicyFlow schema (the
    /// workflow tables, the accounts), so hosts starting together take turns and the second finds the first's migrations applied
    /// instead of failing on a table the first has just created.
    /// </summary>
    internal static async Task MigrateInTurnAsync(DbContext db, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await db.Database.MigrateAsync(cancellationToken);
            return;
        }
        await db.Database.OpenConnectionAsync(cancellationToken);
        await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({MigrationLock})", cancellationToken);
        try
        {
            await db.Database.MigrateAsync(cancellationToken);
        }
        finally
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({MigrationLock})", CancellationToken.None);
        }
    }
}
