using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Engine.Definitions;

/// <summary>Drafts, publishing and versions. A published version is immutable; editing starts the next version.</summary>
public sealed class DefinitionService(IEngineDbFactory dbFactory, DefinitionValidator validator, TimeProvider clock)
{
    /// <summary>Validates and saves a draft: updates the open draft, or opens the next version after the last published.</summary>
    public async Task<WorkflowDefinitionVersion> SaveDraftAsync(string json, string actor, CancellationToken cancellationToken = default)
    {
        var definition = validator.Parse(json);
        await using var db = dbFactory.Create();
        var latest = await db.Definitions.Where(d => d.DefinitionId == definition.Id)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
        var row = latest is { Status: DefinitionStatus.Draft } ? latest : null;
        if (row is null)
        {
            row = new WorkflowDefinitionVersion
            {
                DefinitionId = definition.Id,
                Version = (latest?.Version ?? 0) + 1,
                Name = definition.Name,
                Json = "",
                CreatedAt = clock.GetUtcNow(),
            };
            db.Definitions.Add(row);
        }
        row.Name = definition.Name;
        row.Json = DefinitionJson.Serialize(definition);
        row.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return row;
    }

    /// <summary>Publishes the open draft. Publishing with no draft is refused: a published version never changes.</summary>
    public async Task<WorkflowDefinitionVersion> PublishAsync(string definitionId, string actor, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var latest = await db.Definitions.Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken)
            ?? throw EngineException.NotFound($"Workflow definition '{definitionId}' does not exist.");
        if (latest.Status == DefinitionStatus.Published)
        {
            throw EngineException.Conflict($"Version {latest.Version} of '{definitionId}' is already published and cannot change; save a draft to start version {latest.Version + 1}.");
        }
        validator.Parse(latest.Json);
        latest.Status = DefinitionStatus.Published;
        latest.PublishedAt = clock.GetUtcNow();
        latest.PublishedBy = actor;
        latest.Revision++;
        await db.SaveChangesAsync(cancellationToken);
        return latest;
    }

    /// <summary>Saves and publishes in one step (imports and seeding). Unchanged JSON publishes nothing new.</summary>
    public async Task<WorkflowDefinitionVersion> SaveAndPublishAsync(string json, string actor, CancellationToken cancellationToken = default)
    {
        var definition = validator.Parse(json);
        var canonical = DefinitionJson.Serialize(definition);
        await using (var db = dbFactory.Create())
        {
            var latest = await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definition.Id)
                .OrderByDescending(d => d.Version).FirstOrDefaultAsync(cancellationToken);
            if (latest is { Status: DefinitionStatus.Published } && latest.Json == canonical)
            {
                return latest;
            }
        }
        await SaveDraftAsync(canonical, actor, cancellationToken);
        return await PublishAsync(definition.Id, actor, cancellationToken);
    }

    public async Task<WorkflowDefinitionVersion?> GetAsync(string definitionId, int? version, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var query = db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId);
        query = version is null ? query.OrderByDescending(d => d.Version) : query.Where(d => d.Version == version);
        return await query.FirstOrDefaultAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<WorkflowDefinitionVersion>> VersionsAsync(string definitionId, CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        return await db.Definitions.AsNoTracking().Where(d => d.DefinitionId == definitionId)
            .OrderByDescending(d => d.Version).ToListAsync(cancellationToken);
    }

    /// <summary>The latest version of every definition.</summary>
    public async Task<IReadOnlyList<WorkflowDefinitionVersion>> ListAsync(CancellationToken cancellationToken = default)
    {
        await using var db = dbFactory.Create();
        var all = await db.Definitions.AsNoTracking()
            .Select(d => new { d.DefinitionId, d.Version, d.Name, d.Status, d.CreatedAt, d.PublishedAt, d.PublishedBy })
            .ToListAsync(cancellationToken);
        return all.GroupBy(d => d.DefinitionId).Select(g => g.MaxBy(d => d.Version)!)
            .Select(d => new WorkflowDefinitionVersion
            {
                DefinitionId = d.DefinitionId, Version = d.Version, Name = d.Name, Status = d.Status, Json = "",
                CreatedAt = d.CreatedAt, PublishedAt = d.PublishedAt, PublishedBy = d.PublishedBy,
            })
            .OrderBy(d => d.DefinitionId).ToList();
    }
}
