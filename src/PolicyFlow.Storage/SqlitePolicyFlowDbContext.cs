using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;

namespace PolicyFlow.Host.Storage;

/// <summary>The SQLite flavour, with its own migrations.</summary>
public sealed class SqlitePolicyFlowDbContext(DbContextOptions<SqlitePolicyFlowDbContext> options) : PolicyFlowDbContext(options);
