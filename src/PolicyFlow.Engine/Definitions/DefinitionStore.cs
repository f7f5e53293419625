using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Definitions;

/// <summary>Reads published definition versions; they never change, so each is parsed once and cached.</summary>
public sealed class DefinitionStore
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();

    /// <summary>
    /// As <see cref="GetPublishedAsync(EngineDbContext, string, int?, CancellationToken)"/>, and the latest version is looked up
    /// once per unit of work: the children a cascade launches all run the version the first one found.
    /// </summary>
    public async Task<(WorkflowDefinition Definition, int Version)> GetPublishedAsync(
        UnitOfWork work, string definitionId, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        if (version is not null)
        {
            return await GetPublishedAsync(work.Db, definitionId, version, cancellationToken);
        }
        if (!work.LatestDefinitions.TryGetValue(definitionId, out var latest))
        {
            latest = await GetPublishedAsync(work.Db, definitionId, null, cancellationToken);
            work.LatestDefinitions[definitionId] = latest;
        }
        return latest;
    }

    public async Task<(WorkflowDefinition Definition, int Version)> GetPublishedAsync(
        EngineDbContext db, string definitionId, int? version, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(db);
        if (version is { } v && _published.TryGetValue((definitionId, v), out var cached))
        {
            return (cached, v);
        }
        var query = db.Definitions.AsNoTracking()
            .Where(d => d.DefinitionId == definitionId && d.Status == DefinitionStatus.Published);
        query = version is null ? query.OrderByDescending(d => d.Version) : query.Where(d => d.Version == version);
        var row = await query.FirstOrDefaultAsync(cancellationToken)
            ?? throw EngineException.NotFound(version is null
                ? $"Workflow definition '{definitionId}' has no published version."
                : $"Workflow definition '{definitionId}' has no published version {version}.");
        var definition = _published.GetOrAdd((row.DefinitionId, row.Version), _ => DefinitionJson.Deserialize(row.Json));
        return (definition, row.Version);
    }
}
