using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Activities.Persistence;

/// <summary>PolicyFlow's database: the engine's tables plus policies, agencies and regions.</summary>
public abstract class PolicyFlowDbContext(DbContextOptions options) : EngineDbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        base.OnModelCreating(modelBuilder);
    }
}
