using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Auth;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Application.Outbox;

/// <summary>An outbox message as it is listed; the bodies stay in the database.</summary>
internal sealed record OutboxView(Guid Id, string Kind, string To, string? ToName, string Subject, OutboxStatus Status, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt, string MessageId, Guid? TaskId);

internal sealed record OutboxPage(int Total, IReadOnlyList<OutboxView> Items);

/// <summary>The outbox (what was and will be emailed), newest first, filtered by status and any part of the recipient's address.</summary>
internal sealed class OutboxList(DbFactory db, UseCaseAudit audit)
{
    public const string Operation = Capabilities.OutboxRead;

    // Beyond this people filter; the page says how many more there are.
    public const int MaxTake = 500;

    internal sealed record Request(OutboxStatus? Status = null, string? To = null, int Skip = 0, int Take = 50);

    public async Task<OutboxPage> HandleAsync(Caller caller, Request request, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(request);
        await audit.RequireAsync(caller, Capabilities.OutboxRead, Operation, "/outbox", ct);
        await using var context = db.Create();
        var query = context.Outbox.AsNoTracking();
        query = request.Status is { } s ? query.Where(m => m.Status == s) : query;
        query = string.IsNullOrWhiteSpace(request.To) ? query : query.Where(m => m.To.Contains(request.To.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, request.Skip)).Take(Math.Clamp(request.Take, 1, MaxTake))
            .Select(m => new OutboxView(m.Id, m.Kind, m.To, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt,
                m.NextAttemptAt, m.SentAt, m.MessageId, m.TaskId))
            .ToListAsync(ct);
        return new OutboxPage(total, items);
    }
}
