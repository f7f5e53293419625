using PolicyFlow.Engine.Runtime;
using UseCase = PolicyFlow.Host.Application.Instances.ListInstances;

namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

internal static class ListInstances
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (string? definitionId, InstanceStatus? status, string? correlationId,
        Guid? parentId, int? skip, int? take, UseCase useCase, HttpContext http, CancellationToken ct) =>
    {
        var page = await useCase.HandleAsync(http.User, new UseCase.Request(definitionId, status, correlationId, parentId, skip ?? 0, take ?? 50), ct);
        return new { total = page.Total, items = page.Items.Select(InstanceSummary.From) };
    });
}
