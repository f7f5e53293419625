using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PolicyFlow.Host.Storage;

/// <summary>Lets <c>dotnet ef migrations add</c> build the SQLite context without starting the host.</summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqlitePolicyFlowDbContext>
{
    public SqlitePolicyFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlitePolicyFlowDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef migrations add</c> build the PostgreSQL context without a server.</summary>
internal sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresPolicyFlowDbContext>
{
    public PostgresPolicyFlowDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresPolicyFlowDbContext>().UseNpgsql("Host=localhost;Database=design").Options);
}
