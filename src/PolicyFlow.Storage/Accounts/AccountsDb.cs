using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Auth.Audit;
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

    /// <summary>
    /// Writes one audit line in a context of its own (a caller's context may hold tracked changes the audit must not save),
    /// queued with the engine's writers on SQLite: a line written beside a busy engine would otherwise wait in SQLite's busy
    /// handler, which sleeps and polls.
    /// </summary>
    public async Task AddAuditAsync(AuditEntry entry, CancellationToken cancellationToken)
    {
        await using var db = Create();
        db.Audit.Add(entry);
        using var writer = await SqliteWriters.EnterAsync(db, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
    }

    public async Task MigrateAsync(CancellationToken cancellationToken = default)
    {
        await using var db = Create();
        await DbFactory.MigrateInTurnAsync(db, cancellationToken);
    }
}
