using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyFlow.Host.Auth.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite accounts context without starting the host.</summary>
internal sealed class SqliteAccountsDesignTimeFactory : IDesignTimeDbContextFactory<SqliteAccountsDbContext>
{
    public SqliteAccountsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<SqliteAccountsDbContext>()
        .UseSqlite("Data Source=design.db", o => o.MigrationsHistoryTable(AccountsDbContext.HistoryTable)).Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL accounts context without a server.</summary>
internal sealed class PostgresAccountsDesignTimeFactory : IDesignTimeDbContextFactory<PostgresAccountsDbContext>
{
    public PostgresAccountsDbContext CreateDbContext(string[] args) => new(new DbContextOptionsBuilder<PostgresAccountsDbContext>()
        .UseNpgsql("Host=localhost;Database=design", o => o.MigrationsHistoryTable(AccountsDbContext.HistoryTable)).Options);
}
