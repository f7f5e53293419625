using Microsoft.EntityFrameworkCore;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Auth.Storage;

/// <summary>Creates <see cref="AccountsDbContext"/>s on the workflow database's connection; options are built once.</summary>
internal sealed class AccountsDb
{
    private readonly Func<AccountsDbContext> _create;

    public AccountsDb(DbFactory storage)
    {
        ArgumentNullException.ThrowIfNull(storage);
        if (storage.Provider == StorageProvider.Sqlite)
        {
            var options = new DbContextOptionsBuilder<SqliteAccountsDbContext>()
                .UseSqlite(storage.ConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.HistoryTable))
                .AddInterceptors(new SqlitePragmas())
                .Options;
            _create = () => new SqliteAccountsDbContext(options);
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgresAccountsDbContext>()
                .UseNpgsql(storage.ConnectionString, o => o.MigrationsHistoryTable(AccountsDbContext.HistoryTable))
                .Options;
            _create = () => new PostgresAccountsDbContext(options);
        }
    }

    public AccountsDbContext Create() => _create();

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Create();
        await db.Database.MigrateAsync(cancellationToken);
    }
}
