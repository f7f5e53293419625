using System.Globalization;
using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>A task's pending and fired timers, and its extension requests (延期): ask, list, decide.</summary>
internal static class TaskDeadlines
{
    internal sealed record ExtensionAsk(DateTimeOffset? NewDueAt, DateOnly? NewDueDate, string? Reason);
    internal sealed record ExtensionDecision(bool Approve, string? Comment);

    public static void Map(RouteGroupBuilder group)
    {
        group.MapGet("/{id:guid}/timers", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
        {
            if (!await db.Tasks.AnyAsync(t => t.Id == id, ct))
            {
                throw EngineException.NotFound($"Task {id} does not exist.");
            }
            return await db.Timers.AsNoTracking().Where(t => t.TaskId == id).OrderBy(t => t.DueAt)
                .Select(t => new { t.Id, t.Kind, t.DueAt, Status = t.Status.ToString(), t.FiredAt, t.LatenessMs }).ToListAsync(ct);
        });
        group.MapGet("/{id:guid}/extensions", async (Guid id, PolicyFlowDbContext db, CancellationToken ct) =>
            await db.Extensions.AsNoTracking().Where(e => e.TaskId == id).OrderBy(e => e.RequestedAt).ToListAsync(ct));
        group.MapPost("/{id:guid}/extensions", async (Guid id, ExtensionAsk ask, Application.Postponements.RequestExtension extension, HttpContext http,
            CancellationToken ct) =>
        {
            var request = await extension.HandleAsync(Auth.Caller.From(http.User), id, new(ask.NewDueDate, ask.NewDueAt, ask.Reason), ct);
            return Results.Created(string.Create(CultureInfo.InvariantCulture, $"/api/tasks/{id}/extensions/{request.Id}"), request);
        });
        group.MapPost("/{id:guid}/extensions/{requestId:guid}/decision", async (Guid id, Guid requestId, ExtensionDecision decision,
            Application.Postponements.DecideExtension decide, HttpContext http, CancellationToken ct) =>
            await decide.HandleAsync(Auth.Caller.From(http.User), new(id, requestId, decision.Approve, decision.Comment), ct));
    }
}
