using Microsoft.EntityFrameworkCore;
using PolicyFlow.Activities.Persistence;
using PolicyFlow.Engine.Runtime;

namespace PolicyFlow.Host.Endpoints.Tasks;

internal static class GetTask
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/{id:guid}", async (Guid id, PolicyFlowDbContext db, TimeProvider clock, CancellationToken ct) =>
    {
        var task = await db.Tasks.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, ct) ?? throw EngineException.NotFound($"Task {id} does not exist.");
        return TaskView.From(task, await db.TaskFacts.AsNoTracking().FirstOrDefaultAsync(f => f.TaskId == id, ct), clock.GetUtcNow());
    });
}
