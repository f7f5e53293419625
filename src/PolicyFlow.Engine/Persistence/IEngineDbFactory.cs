namespace PolicyFlow.Engine.Persistence;

/// <summary>Creates a fresh database context for one unit of work (one burst, one timer batch).</summary>
public interface IEngineDbFactory
{
    EngineDbContext Create();
}
