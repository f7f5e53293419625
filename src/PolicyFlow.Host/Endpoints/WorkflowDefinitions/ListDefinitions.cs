using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

internal static class ListDefinitions
{
    public static void Map(RouteGroupBuilder group) => group.MapGet("/", async (DefinitionService definitions, CancellationToken ct) =>
        (await definitions.ListAsync(ct)).Select(v => DefinitionSummary.From(v)));
}
