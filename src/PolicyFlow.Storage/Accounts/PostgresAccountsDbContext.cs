using Microsoft.EntityFrameworkCore;

namespace PolicyFlow.Host.Auth.Storage;

/// <summary>The PostgreSQL flavour, with its own migrations.</summary>
public sealed class PostgresAccountsDbContext(DbContextOptions<PostgresAccountsDbContext> options) : AccountsDbContext(options);
