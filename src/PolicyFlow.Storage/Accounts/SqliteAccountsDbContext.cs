using Microsoft.EntityFrameworkCore;

namespace PolicyFlow.Host.Auth.Storage;

/// <summary>The SQLite flavour, with its own migrations.</summary>
public sealed class SqliteAccountsDbContext(DbContextOptions<SqliteAccountsDbContext> options) : AccountsDbContext(options);
