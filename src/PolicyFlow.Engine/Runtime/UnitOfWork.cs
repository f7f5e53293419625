using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Persistence;

namespace PolicyFlow.Engine.Runtime;

/// <summary>One transaction's worth of engine work: the context, the moment, the actor, and what was written.</summary>
public sealed class UnitOfWork
{
    private readonly HashSet<string> _dedupKeys = [];
    private readonly List<OutboxMessage> _queued = [];

    internal UnitOfWork(EngineDbContext db, DateTimeOffset now, string actor)
    {
        Db = db;
        Now = now;
        Actor = actor;
    }

    public EngineDbContext Db { get; }
    public DateTimeOffset Now { get; }
    public string Actor { get; }
    public int TimersAdded { get; internal set; }
    public int MessagesAdded { get; private set; }

    /// <summary>Instances loaded in this unit of work, so nested bursts share one tracked entity.</summary>
    internal Dictionary<Guid, WorkflowInstance> Instances { get; } = [];

    /// <summary>Work bursts left for other instances (children to launch, parents to resume), run in order by <see cref="WorkflowRuntime"/>.</summary>
    internal Queue<Followup> Followups { get; } = new();

    /// <summary>Set while the follow-ups are being run, so a follow-up that asks for more only queues them.</summary>
    internal bool DrainingFollowups { get; set; }

    public void Journal(Guid instanceId, string kind, string? activityId = null, object? data = null, Guid? taskId = null) =>
        Db.Journal.Add(new JournalEntry
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
        MessagesAdded++;
    }

    /// <summary>Writes the queued messages whose cause has no message yet, each with what it is written with: one query for the lot.</summary>
    internal async Task FlushOutboxAsync(CancellationToken cancellationToken)
    {
        foreach (var chunk in _queued.Chunk(500))
        {
            var keys = chunk.Select(m => m.DedupKey).ToList();
            var existing = await Db.Outbox.Where(m => keys.Contains(m.DedupKey)).Select(m => m.DedupKey).ToListAsync(cancellationToken);
            var fresh = chunk.Where(m => !existing.Contains(m.DedupKey)).ToList();
            Db.Outbox.AddRange(fresh);
            Db.AddRange(fresh.Select(m => m.WrittenWith).OfType<object>());
        }
        _queued.Clear();
    }
}
