namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

/// <summary>The <c>/api/workflow-definitions</c> resource.</summary>
internal static class DefinitionEndpoints
{
    public static void MapDefinitionEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-definitions").WithTags("Workflow definitions");
        ListDefinitions.Map(group);
        GetDefinition.Map(group);
        ListVersions.Map(group);
        SaveDraft.Map(group);
        Publish.Map(group);
        ActivityTypes.Map(api);
    }
}
