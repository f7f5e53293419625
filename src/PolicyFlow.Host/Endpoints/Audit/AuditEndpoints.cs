using Microsoft.EntityFrameworkCore;
using PolicyFlow.Host.Auth.Storage;

namespace PolicyFlow.Host.Endpoints.Audit;

/// <summary><c>GET /api/audit?user=&amp;skip=&amp;take=</c>: state changes and refusals, newest first (administrators).</summary>
internal static class AuditEndpoints
{
    public static void MapAuditEndpoints(this IEndpointRouteBuilder api) =>
        api.MapGet("/audit", async (string? user, bool? refused, int? skip, int? take, AccountsDbContext db, CancellationToken ct) =>
        {
            var query = db.Audit.AsNoTracking();
            query = string.IsNullOrWhiteSpace(user) ? query : query.Where(a => a.UserName == user.Trim());
            query = refused is null ? query : query.Where(a => a.Refused == refused);
            var total = await query.CountAsync(ct);
            var items = await query.OrderByDescending(a => a.Id).Skip(Math.Max(0, skip ?? 0)).Take(Math.Clamp(take ?? 50, 1, 500)).ToListAsync(ct);
            return new { total, items };
        }).WithTags("Audit");
}
