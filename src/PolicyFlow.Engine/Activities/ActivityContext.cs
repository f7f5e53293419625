using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using PolicyFlow.Engine.Activities.Waiting;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Engine.Persistence;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Engine.Tasks;
using PolicyFlow.Engine.Timers;

namespace PolicyFlow.Engine.Activities;

/// <summary>What an activity sees while it runs: its node, the instance, variables, time, and the unit of work.</summary>
public sealed partial class ActivityContext
{
    private readonly Burst _burst;

    internal ActivityContext(Burst burst, ActivityNode node, Token token, Bookmark? bookmark)
    {
        _burst = burst;
        Node = node;
        Token = token;
        Bookmark = bookmark;
        BookmarkId = bookmark?.Id ?? Guid.NewGuid();
        BookmarkPayload = bookmark is null ? [] : JsonNode.Parse(bookmark.PayloadJson)?.AsObject() ?? [];
    }

    public ActivityNode Node { get; }
    public Token Token { get; internal set; }

    /// <summary>The bookmark being resumed, or null on first execution.</summary>
    public Bookmark? Bookmark { get; }

    /// <summary>The id the bookmark will have if this activity waits: tasks and timers point to it.</summary>
    public Guid BookmarkId { get; }

    /// <summary>The activity's data kept on its bookmark; changes are saved when it keeps waiting.</summary>
    public JsonObject BookmarkPayload { get; }

    public WorkflowInstance Instance => _burst.Instance;
    public WorkflowDefinition Definition => _burst.Definition;
    public JsonObject Variables => _burst.Variables;
    public InstanceState State => _burst.State;
    internal JoinBookkeeping Joins => _burst.Joins;
    public EngineDbContext Db => _burst.Work.Db;
    public DateTimeOffset Now => _burst.Work.Now;
    public string Actor => _burst.Work.Actor;
    public IServiceProvider Services => _burst.Runtime.Services;

    /// <summary>The outcomes the flowchart connects from this node.</summary>
    public IReadOnlyList<string> ConnectedOutcomes =>
        Definition.Connections.Where(c => c.From == Node.Id).Select(c => c.Outcome).Distinct().ToArray();

    public JsonNode? RawProperty(string name) => Resolve(Node.Properties[name]);

    public string? GetString(string name) => RawProperty(name) switch
    {
        null => null,
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        var other => other.ToJsonString(),
    };

    public T? Get<T>(string name)
    {
        var node = RawProperty(name);
        return node is null ? default : node.Deserialize<T>(DefinitionJson.Options);
    }

    public DateTimeOffset? GetTime(string name)
    {
        var text = GetString(name);
        return string.IsNullOrWhiteSpace(text) ? null : DateTimeOffset.Parse(text, CultureInfo.InvariantCulture);
    }

    /// <summary>A property value with <c>{"var":"x"}</c> read from variable x and <c>{{x}}</c> interpolated in strings.</summary>
    public JsonNode? Resolve(JsonNode? value)
    {
        switch (value)
        {
            case JsonObject o when o.Count == 1 && o["var"] is JsonValue name:
                return ReadVariable(name.GetValue<string>())?.DeepClone();
            case JsonValue v when v.TryGetValue<string>(out var s) && s.Contains("{{", StringComparison.Ordinal):
                return JsonValue.Create(Template().Replace(s, m =>
                {
                    var found = ReadVariable(m.Groups[1].Value);
                    return found is JsonValue fv && fv.TryGetValue<string>(out var text) ? text : found?.ToJsonString() ?? "";
                }));
            default:
                return value?.DeepClone();
        }
    }

    /// <summary>Reads a variable; dotted names walk into objects (<c>region.code</c>).</summary>
    public JsonNode? ReadVariable(string path)
    {
        JsonNode? current = Variables;
        foreach (var part in path.Split('.'))
        {
            current = current is JsonObject o ? o[part] : null;
        }
        return current;
    }

    public void SetVariable(string name, JsonNode? value) => Variables[name] = value?.DeepClone();

    public void Journal(string kind, object? data = null, Guid? taskId = null) =>
        _burst.Work.Journal(Instance.Id, kind, Node.Id, data, taskId);

    /// <summary>Creates a human task that resumes this activity's bookmark when completed.</summary>
    public WorkTask CreateTask(string title, string assignee, IReadOnlyList<string> outcomes, DateTimeOffset? dueAt,
        string? instructions = null, JsonObject? data = null)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        var task = new WorkTask
        {
            Id = Guid.NewGuid(),
            InstanceId = Instance.Id,
            BookmarkId = BookmarkId,
            ActivityId = Node.Id,
            Title = title,
            Assignee = assignee,
            Instructions = instructions,
            Outcomes = string.Join(',', outcomes),
            CommentRequiredFor = TaskOutcomes.NeedingComment(RawProperty("commentRequired"), outcomes) is { Length: > 0 } needing
                ? string.Join(',', needing) : null,
            Status = WorkTaskStatus.Open,
            CorrelationId = Instance.CorrelationId,
            DataJson = (data ?? []).ToJsonString(),
            CreatedAt = Now,
            DueAt = dueAt,
        };
        Db.Tasks.Add(task);
        Journal(JournalKinds.TaskCreated, new { task.Title, task.Assignee, task.DueAt }, task.Id);
        return task;
    }

    /// <summary>Stores a timer; with <paramref name="resumesBookmark"/> its firing resumes this activity.</summary>
    public WorkflowTimer CreateTimer(string kind, DateTimeOffset dueAt, bool resumesBookmark, Guid? taskId = null, JsonObject? payload = null)
    {
        var timer = new WorkflowTimer
        {
            Id = Guid.NewGuid(),
            InstanceId = Instance.Id,
            BookmarkId = resumesBookmark ? BookmarkId : null,
            TaskId = taskId,
            Kind = kind,
            DueAt = dueAt,
            Status = TimerStatus.Pending,
            PayloadJson = (payload ?? []).ToJsonString(),
            CreatedAt = Now,
        };
        _burst.Work.AddTimer(timer);
        return timer;
    }

    /// <summary>The latest published version of a definition (a child's, say), looked up once per unit of work.</summary>
    public async Task<WorkflowDefinition> PublishedDefinitionAsync(string definitionId, CancellationToken cancellationToken = default) =>
        (await _burst.Runtime.Definitions.GetPublishedAsync(_burst.Work, definitionId, null, cancellationToken)).Definition;

    /// <summary>Asks for a child instance, launched once this activity waits on its Children bookmark.</summary>
    public void StartChild(string definitionId, JsonObject input, string? correlationId) =>
        _burst.PendingChildren.Add(new ChildRequest(definitionId, input, correlationId, BookmarkId));

    /// <summary>Queues an email in the outbox, in this burst's transaction; a repeated cause is written once.</summary>
    public void Enqueue(OutboxMessage message) => _burst.Work.Enqueue(message);

    [GeneratedRegex(@"\{\{\s*([\w.]+)\s*\}\}")]
    private static partial Regex Template();
}

internal sealed record ChildRequest(string DefinitionId, JsonObject Input, string? CorrelationId, Guid BookmarkId);
