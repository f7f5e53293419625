namespace PolicyFlow.Host.Endpoints.WorkflowInstances;

/// <summary>The <c>/api/workflow-instances</c> resource.</summary>
internal static class InstanceEndpoints
{
    public static void MapInstanceEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/workflow-instances").WithTags("Workflow instances");
        Launch.Map(group);
        ListInstances.Map(group);
        GetInstance.Map(group);
        GetJournal.Map(group);
        GetTimers.Map(group);
        CancelInstance.Map(group);
        RetryInstance.Map(group);
    }
}
