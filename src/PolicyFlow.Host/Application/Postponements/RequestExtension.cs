using System.Globalization;
using PolicyFlow.Activities.Calendar;
using PolicyFlow.Activities.Deadlines;
using PolicyFlow.Activities.Postponements;
using PolicyFlow.Engine.Runtime;
using PolicyFlow.Host.Application.Tasks;
using PolicyFlow.Host.Auth;

namespace PolicyFlow.Host.Application.Postponements;

/// <summary>
/// 延期申请: the assignee agency asks, before the due date, to move it to a later day with a reason. The new day is not
/// before today, is later than the current due day and within <c>Deadlines:MaxExtensionDays</c> of it; one request is
/// pending at a time. <see cref="DecideExtension"/> decides it. The API and the Studio's dialog both ask here.
/// </summary>
internal sealed class RequestExtension(TaskGate gate, ExtensionService extensions, ExtensionRules rules, TimeProvider clock)
{
    public const string Operation = "extension.request";

    /// <summary>The new due day (the whole Asia/Shanghai day), or an exact instant; and why.</summary>
    internal sealed record Request(DateOnly? NewDueDate, DateTimeOffset? NewDueAt, string? Reason);

    public async Task<ExtensionRequest> HandleAsync(Caller caller, Guid taskId, Request request, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(caller);
        ArgumentNullException.ThrowIfNull(request);
        await gate.RequireActAsync(caller, taskId, Operation, cancellationToken);
        // Bad input is a refusal like the task's own: audited as 400, nothing stored.
        return await gate.AuditedAsync(caller, taskId, Operation, () =>
        {
            var reason = TextBounds.Check(request.Reason, "reason");
            if (string.IsNullOrWhiteSpace(reason))
            {
                throw EngineException.Invalid("请说明延期理由。 An extension request needs a reason.");
            }
            return extensions.RequestAsync(taskId, NewDueAt(request), reason, caller.UserName, cancellationToken);
        }, cancellationToken);
    }

    private DateTimeOffset NewDueAt(Request request)
    {
        var today = ChinaTime.DateOf(clock.GetUtcNow());
        if (request.NewDueAt is { } at)
        {
            return DueDay.Of(at) < today ? throw BeforeToday(today) : at;
        }
        if (request.NewDueDate is not { } day)
        {
            throw EngineException.Invalid("请选择新的办理期限。 Give the new due day (newDueDate, yyyy-MM-dd).");
        }
        if (day < today)
        {
            throw BeforeToday(today);
        }
        // A date means the whole day: the task becomes overdue at the next midnight in Asia/Shanghai. The last
        // representable day has no following midnight: refused as too far rather than overflowing.
        return day < DateOnly.MaxValue ? DueDay.ToDueAt(day) : throw EngineException.Invalid(rules.TooFar);
    }

    private static EngineException BeforeToday(DateOnly today) => EngineException.Invalid(string.Create(CultureInfo.InvariantCulture,
        $"新的办理期限不能早于今天（{today:yyyy-MM-dd}）。 The new due day cannot be before today ({today:yyyy-MM-dd})."));
}
