using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Outbox;

namespace PolicyFlow.Host.Endpoints.Outbox;

/// <summary>Messages filtered by status and recipient (any part of the address), newest first.</summary>
internal static class ListOutbox
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (OutboxStatus? status, string? to, int? skip, int? take,
        PolicyFlowDbContext db, CancellationToken ct) =>
    {
        var query = db.Outbox.AsNoTracking();
        query = status is null ? query : query.Where(m => m.Status == status);
        query = string.IsNullOrWhiteSpace(to) ? query : query.Where(m => m.To.Contains(to.Trim()));
        var total = await query.CountAsync(ct);
        var items = await query.OrderByDescending(m => m.CreatedAt).ThenByDescending(m => m.Id)
            .Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500))
            .Select(m => new OutboxView(m.Id, m.Kind, m.To, m.ToName, m.Subject, m.Status, m.Attempts, m.LastError, m.CreatedAt,
                m.NextAttemptAt, m.SentAt, m.MessageId, m.TaskId))
            .ToListAsync(ct);
        return new { total, items };
    });
}
