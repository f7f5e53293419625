namespace PolicyFlow.Host.Endpoints.Tasks;

/// <summary>The <c>/api/tasks</c> resource: the inbox and the actions on one task.</summary>
internal static class TaskEndpoints
{
    public static void MapTaskEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/tasks").WithTags("Tasks");
        Inbox.Map(group);
        Inbox.MapViews(group);
        GetTask.Map(group);
        TaskActions.Map(group);
        TaskDeadlines.Map(group);
    }
}
