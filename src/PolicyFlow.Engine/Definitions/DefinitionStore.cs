using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Definitions;

/// <summary>Reads published definition versions; they never change, so each is parsed once and cached.</summary>
public sealed class DefinitionStore
{
    private readonly ConcurrentDictionary<(string, int), WorkflowDefinition> _published = new();

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
