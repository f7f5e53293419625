using Microsoft.EntityFrameworkCore;
using PolicyFlow.Engine.Outbox;
using PolicyFlow.Host.Storage;

namespace PolicyFlow.Host.Studio.Data;

/// <summary>An outbox message as the outbox page lists it; the bodies stay in the database.</summary>
internal sealed record OutboxRow(Guid Id, string Kind, string To, string? ToName, string Subject, OutboxStatus Status, int Attempts,
    string? LastError, DateTimeOffset CreatedAt, DateTimeOffset NextAttemptAt, DateTimeOffset? SentAt);

internal sealed record OutboxPage(IReadOnlyList<OutboxRow> Items, int Total);

/// <summary>The outbox, newest first, filtered by status and any part of the recipient's address.</summary>
internal sealed class OutboxQueries(DbFactory db)
{
    // Beyond this people filter; the page says how many more there are.
    public const int Limit = 500;

    public async Task<OutboxPage> ListAsync(OutboxStatus? status, string? to, CancellationToken ct = default)
    {
        await using var context = db.Create();
        var query = context.Outbox.AsNoTracking();
        query = status is { } s ? query.Where(m => m.Status == s) : query;
        query = string.IsNullOrWhiteSpace(to) ? query : query.Where(m => m.To.Contains(to.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id).Take(Limit)
            .Select(m => new OutboxRow(m.Id, m.Kind, m.To, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt,
                m.NextAttemptAt, m.SentAt))
            .ToListAsync(ct);
        return new OutboxPage(items, total);
    }
}
