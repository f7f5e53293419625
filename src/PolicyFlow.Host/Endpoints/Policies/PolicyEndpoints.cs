namespace PolicyFlow.Host.Endpoints.Policies;

/// <summary>The <c>/api/policies</c> resource: preview an import, publish it, read it, launch its measures.</summary>
internal static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this IEndpointRouteBuilder api)
    {
        var group = api.MapGroup("/policies").WithTags("Policies");
        PreviewPolicy.Map(group);
        PreviewCorrected.Map(group);
        CreatePolicy.Map(group);
        ReadPolicies.Map(group);
        ReadCorrections.Map(group);
        LaunchPolicy.Map(group);
    }
}
