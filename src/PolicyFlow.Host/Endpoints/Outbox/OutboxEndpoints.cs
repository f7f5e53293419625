namespace PolicyFlow.Host.Endpoints.Outbox;

/// <summary>The <c>/api/outbox</c> resource: every email PolicyFlow wrote, with its delivery status and the server's answer.</summary>
internal static class OutboxEndpoints
{
    public static void MapOutboxEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/outbox").WithTags("Outbox");
        ListOutbox.Map(group);
    }
}
