using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;

namespace PolicyFlow.Host.Storage;

/// <summary>The PostgreSQL flavour, with its own migrations.</summary>
public sealed class PostgresPolicyFlowDbContext(DbContextOptions<PostgresPolicyFlowDbContext> options) : PolicyFlowDbContext(options);
