using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine.Runtime;

/// <summary>
/// One transaction's worth of engine work: the context, the moment, the actor, and what was written. Changes are saved
/// when something reads the database next (an ExecuteUpdate, a query that must see them) and at commit, not after every burst:
/// a cascade's hundred child launches are one SaveChanges, and the change tracker is scanned once, not once per child.
/// </summary>
public sealed class UnitOfWork
{
    private readonly HashSet<string> _dedupKeys = [];
    private readonly List<OutboxMessage> _queued = [];
    private readonly AppendedRows _atCommit = new();
    private readonly AppendedRows _timers = new();

    internal UnitOfWork(EngineDbContext db, DateTimeOffset now, string actor)
    {
        Db = db;
        Now = now;
        Actor = actor;
    }

    public EngineDbContext Db { get; }
    public DateTimeOffset Now { get; }
    public string Actor { get; }

    /// <summary>Instances loaded in this unit of work, so nested bursts share one tracked entity.</summary>
    internal Dictionary<Guid, WorkflowInstance> Instances { get; } = [];

    /// <summary>
    /// The open bookmarks of each instance a burst ran on, read once (after the instance) and kept current by the bursts, so
    /// a later burst on the same instance needs no query and sees bookmarks this unit wrote but has not saved yet.
    /// </summary>
    internal Dictionary<Guid, List<Bookmark>> OpenBookmarks { get; } = [];

    /// <summary>The latest published version of each definition launched in this unit: looked up once, not once per child.</summary>
    internal Dictionary<string, (WorkflowDefinition Definition, int Version)> LatestDefinitions { get; } = new(StringComparer.Ordinal);

    /// <summary>Work bursts left for other instances (children to launch, parents to resume), run in order by <see cref="WorkflowRuntime"/>.</summary>
    internal Queue<Followup> Followups { get; } = new();

    /// <summary>Set while the follow-ups are being run, so a follow-up that asks for more only queues them.</summary>
    internal bool DrainingFollowups { get; set; }

    /// <summary>Adds a journal line, written at commit (nothing reads the journal sooner).</summary>
    public void Journal(Guid instanceId, string kind, string? activityId = null, object? data = null, Guid? taskId = null) =>
        _atCommit.Add(new JournalEntry
        {
            InstanceId = instanceId,
            At = Now,
            Actor = Actor,
            Kind = kind,
            ActivityId = activityId,
            TaskId = taskId,
            DataJson = data is null ? "{}" : JsonSerializer.Serialize(data, DefinitionJson.Options),
        });

    /// <summary>Adds a message unless one with the same cause exists already (checked for all messages at once before commit).</summary>
    public void Enqueue(OutboxMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (!_dedupKeys.Add(message.DedupKey))
        {
            return;
        }
        if (message.Id == Guid.Empty)
        {
            message.Id = Guid.NewGuid();
        }
        message.CreatedAt = Now;
        if (message.NextAttemptAt == default)
        {
            message.NextAttemptAt = Now;
        }
        _queued.Add(message);
    }

    /// <summary>Adds the queued messages whose cause has no message yet, each with what it is written with: one query for the lot.</summary>
    private async Task FlushOutboxAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in _queued.Chunk(500))
        {
            var keys = chunk.Select(m => m.DedupKey).ToList();
            var existing = await Db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken);
            var fresh = chunk.Where(m => !existing.Contains(m.DedupKey)).ToList();
            foreach (var message in fresh)
            {
                _atCommit.Add(message);
                if (message.WrittenWith is { } with)
                {
                    _atCommit.Add(with);
                }
            }
        }
        _queued.Clear();
    }

    /// <summary>
    /// Adds a pending timer, written when this unit next saves (<see cref="SaveAsync"/>, before a statement that must see it)
    /// or at commit, with the others in a few multi-row INSERTs.
    /// </summary>
    public void AddTimer(WorkflowTimer timer)
    {
        ArgumentNullException.ThrowIfNull(timer);
        _timers.Add(timer);
    }

    /// <summary>Saves what this unit changed and added so far, so that a statement sent straight to the database sees it.</summary>
    public async Task SaveAsync(CancellationToken cancellationToken)
    {
        _timers.TrackFew(Db);
        await Db.SaveChangesAsync(cancellationToken);
        await _timers.WriteAsync(Db, cancellationToken);
    }

    /// <summary>Writes everything at commit: the tracked changes, the added timers, then the journal lines and the messages.</summary>
    internal async Task SaveAllAsync(CancellationToken cancellationToken)
    {
        await FlushOutboxAsync(cancellationToken);
        _atCommit.TrackFew(Db);
        await SaveAsync(cancellationToken);
        await _atCommit.WriteAsync(Db, cancellationToken);
    }
}
