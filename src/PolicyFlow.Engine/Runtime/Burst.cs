using System.Text.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Engine.Journal;

namespace PolicyFlow.Engine.Runtime;

/// <summary>Runs one instance from a stimulus until every path waits or ends, inside the caller's unit of work.</summary>
internal sealed class Burst
{
    private const int MaxSteps = 10_000;
    private readonly Queue<Step> _queue = new();
    private readonly List<Bookmark> _open;
    private bool _ended;

    public Burst(WorkflowRuntime runtime, UnitOfWork work, WorkflowInstance instance, WorkflowDefinition definition, List<Bookmark> open)
    {
        Runtime = runtime;
        Work = work;
        Instance = instance;
        Definition = definition;
        _open = open;
        State = JsonSerializer.Deserialize<InstanceState>(instance.StateJson, DefinitionJson.Options) ?? new InstanceState();
        Variables = JsonNode.Parse(instance.VariablesJson)?.AsObject() ?? [];
        Joins = new JoinBookkeeping(State);
    }

    public WorkflowRuntime Runtime { get; }
    public UnitOfWork Work { get; }
    public WorkflowInstance Instance { get; }
    public WorkflowDefinition Definition { get; }
    public InstanceState State { get; }
    public JsonObject Variables { get; }
    public JoinBookkeeping Joins { get; }
    public List<ChildRequest> PendingChildren { get; } = [];

    public void Schedule(Token token) => _queue.Enqueue(new Step(token, null, null));

    public void ScheduleResume(Bookmark bookmark, Stimulus stimulus) =>
        _queue.Enqueue(new Step(JsonSerializer.Deserialize<Token>(bookmark.TokenJson, DefinitionJson.Options)!, bookmark, stimulus));

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var steps = 0;
        while (!_ended && _queue.TryDequeue(out var step))
        {
            if (++steps > MaxSteps)
            {
                Fault(step.Token, $"more than {MaxSteps} steps ran in one burst without waiting");
                continue;
            }
            await StepAsync(step, cancellationToken);
        }
        await FinishAsync(cancellationToken);
    }

    private async Task StepAsync(Step step, CancellationToken cancellationToken)
    {
        var node = Definition.Find(step.Token.ActivityId);
        if (node is null || !Runtime.Registry.TryGet(node.Type, out var activity))
        {
            Fault(step.Token, $"activity '{step.Token.ActivityId}' is not in definition {Definition.Id} or its type is unknown");
            return;
        }
        var context = new ActivityContext(this, node, step.Token, step.Bookmark);
        var state = State.For(node.Id);
        ActivityResult result;
        try
        {
            if (step.Bookmark is null)
            {
                state.Status = "Running";
                state.Executions++;
                state.StartedAt = Work.Now;
                Work.Journal(Instance.Id, JournalKinds.ActivityStarted, node.Id, new { node.Type });
                result = await activity.ExecuteAsync(context);
            }
            else
            {
                Work.Journal(Instance.Id, JournalKinds.BookmarkResumed, node.Id,
                    new { bookmark = step.Bookmark.Id, step.Stimulus!.Outcome, step.Stimulus.Data });
                result = await activity.ResumeAsync(context, step.Stimulus);
            }
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            Consume(step.Bookmark);
            Fault(step.Token, ex.Message, node.Id, ex.GetType().Name);
            return;
        }
        Apply(context, node, state, result);
    }

    private void Apply(ActivityContext context, ActivityNode node, ActivityState state, ActivityResult result)
    {
        if (result.IsWaiting)
        {
            Wait(context, node, state, result.Bookmark!);
            return;
        }
        Consume(context.Bookmark);
        if (result.Merged)
        {
            state.Status = "Waiting";
            return;
        }
        state.Status = "Completed";
        state.CompletedAt = Work.Now;
        state.Outcome = string.Join(',', result.Outcomes);
        Work.Journal(Instance.Id, JournalKinds.ActivityCompleted, node.Id, new { outcomes = result.Outcomes });
        if (result.EndsInstance)
        {
            _ended = true;
            return;
        }
        Follow(node, context.Token, result.Outcomes);
    }

    private void Wait(ActivityContext context, ActivityNode node, ActivityState state, BookmarkRequest request)
    {
        if (request.Payload is not null)
        {
            foreach (var (key, value) in request.Payload)
            {
                context.BookmarkPayload[key] = value?.DeepClone();
            }
        }
        if (context.Bookmark is not null)
        {
            // Resumed but not done yet (more tasks or children to come): the same bookmark keeps waiting.
            context.Bookmark.PayloadJson = context.BookmarkPayload.ToJsonString();
            return;
        }
        var bookmark = new Bookmark
        {
            Id = context.BookmarkId,
            InstanceId = Instance.Id,
            ActivityId = node.Id,
            Kind = request.Kind,
            Key = request.Key,
            TokenJson = JsonSerializer.Serialize(context.Token, DefinitionJson.Options),
            PayloadJson = context.BookmarkPayload.ToJsonString(),
            CreatedAt = Work.Now,
        };
        Work.Db.Bookmarks.Add(bookmark);
        _open.Add(bookmark);
        state.Status = "Waiting";
        Work.Journal(Instance.Id, JournalKinds.BookmarkCreated, node.Id, new { bookmark = bookmark.Id, kind = request.Kind.ToString(), request.Key });
    }

    private void Consume(Bookmark? bookmark)
    {
        if (bookmark is null)
        {
            return;
        }
        bookmark.ConsumedAt = Work.Now;
        _open.RemoveAll(b => b.Id == bookmark.Id);
    }

    /// <summary>Follows the connections of the outcomes; more than one opens a fork frame that a join can close.</summary>
    private void Follow(ActivityNode node, Token token, IReadOnlyList<string> outcomes)
    {
        var next = outcomes.SelectMany(o => Definition.From(node.Id, o)).ToList();
        if (next.Count == 0)
        {
            EndBranch(token);
            return;
        }
        if (next.Count == 1)
        {
            Schedule(token.At(next[0].To));
            return;
        }
        var frame = Joins.OpenFork(next.Count);
        foreach (var connection in next)
        {
            Schedule(token.Inside(frame).At(connection.To));
        }
    }

    /// <summary>A path ended without reaching a join; if the others all wait at their join, the join goes on.</summary>
    private void EndBranch(Token token)
    {
        if (Joins.EndBranch(token) is not { } released)
        {
            return;
        }
        var join = Definition.Find(released.JoinId)!;
        var joinState = State.For(join.Id);
        joinState.Status = "Completed";
        joinState.CompletedAt = Work.Now;
        Work.Journal(Instance.Id, JournalKinds.ActivityCompleted, join.Id, new { outcomes = new[] { "Done" } });
        Follow(join, released.Token, ["Done"]);
    }

    private void Fault(Token token, string message, string? activityId = null, string? type = null)
    {
        State.Faulted.Add(token);
        State.For(token.ActivityId).Status = "Faulted";
        Instance.IncidentActivityId = activityId ?? token.ActivityId;
        Instance.IncidentMessage = message;
        Instance.IncidentAt = Work.Now;
        Work.Journal(Instance.Id, JournalKinds.Faulted, Instance.IncidentActivityId, new { message, type });
    }

    private async Task FinishAsync(CancellationToken cancellationToken)
    {
        Instance.Status = _ended || (_open.Count == 0 && State.Faulted.Count == 0) ? InstanceStatus.Completed
            : State.Faulted.Count > 0 ? InstanceStatus.Faulted
            : InstanceStatus.Waiting;
        Instance.StateJson = JsonSerializer.Serialize(State, DefinitionJson.Options);
        Instance.VariablesJson = Variables.ToJsonString();
        Instance.UpdatedAt = Work.Now;
        Instance.Revision++;

        if (Instance.Status == InstanceStatus.Completed)
        {
            await Runtime.CloseAsync(Work, Instance, InstanceStatus.Completed, JournalKinds.Completed, cancellationToken);
            return;
        }
        foreach (var child in PendingChildren)
        {
            Work.Followups.Enqueue(new Followup.LaunchChild(Instance.Id, child));
        }
    }

    private sealed record Step(Token Token, Bookmark? Bookmark, Stimulus? Stimulus);
}
