using PolicyFlow.Engine.Activities;

namespace PolicyFlow.Host.Endpoints.WorkflowDefinitions;

/// <summary>The activity types the designer can place, with their outcomes and properties.</summary>
internal static class ActivityTypes
{
    public static void Map(IEndpointRouteBuilder api) => api.MapGet("/activity-types", (ActivityRegistry registry) =>
        registry.Descriptors.Select(d => new
        {
            d.Type, d.Category, d.DisplayName, d.Outcomes, d.AnyOutcome, d.Waits,
            Properties = d.Properties.Select(p => new { p.Name, Type = p.Type.ToString(), p.Required, p.Description }),
        })).WithTags("Workflow definitions");
}
