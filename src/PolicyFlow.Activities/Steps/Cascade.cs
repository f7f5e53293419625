using System.Text.Json.Nodes;
using PolicyFlow.Directories;
using PolicyFlow.Engine.Activities;
using PolicyFlow.Engine.Activities.Waiting;
using Microsoft.Extensions.DependencyInjection;

namespace PolicyFlow.Activities.Steps;

/// <summary>
/// Passes a measure down the hierarchy: one child instance per city (from the province) or per county (from a city),
/// each given its region and the measure's variables; completes when every child has (or <c>required</c> of them).
/// </summary>
internal sealed class Cascade : IActivity
{
    /// <summary>The variables a cascaded instance inherits; the city and county definitions declare them.</summary>
    public static readonly string[] Inherited = ["policyId", "documentNumber", "measureNo", "measureTitle", "effectiveAt", "kind"];

    public ActivityDescriptor Descriptor { get; } = new()
    {
        Type = "Cascade",
        Category = "Tasks",
        DisplayName = "逐级下发 Cascade",
        Waits = true,
        Properties =
        [
            new PropertyDescriptor("definitionId", PropertyType.String, true, "the definition each region runs, e.g. measure-city"),
            new PropertyDescriptor("from", PropertyType.String, Description: "region code whose subdivisions receive it; default the instance's 'region', else the province"),
            new PropertyDescriptor("required", PropertyType.Integer, Description: "children that must complete; default all"),
        ],
    };

    public async ValueTask<ActivityResult> ExecuteAsync(ActivityContext context)
    {
        var regions = context.Services.GetRequiredService<RegionDirectory>();
        var from = context.GetString("from") ?? (context.ReadVariable("region") as JsonValue)?.GetValue<string>() ?? regions.Province.Code;
        var targets = from == regions.Province.Code ? regions.Cities : regions.CountiesOf(from);
        var definitionId = context.GetString("definitionId")!;
        var child = await context.PublishedDefinitionAsync(definitionId);
        var declared = child.Variables.Select(v => v.Name).ToHashSet(StringComparer.Ordinal);
        var inputs = targets.Select(region =>
        {
            var input = new JsonObject { ["region"] = region.Code };
            foreach (var name in Inherited)
            {
                input[name] = context.ReadVariable(name)?.DeepClone();
            }
            // Given only to a child definition that declares them, so a template published before they existed keeps
            // running: the measure's lead (who reviews a city's report), the region the cascade came from (whose
            // counterpart reviews a county's report) and the child region's name (for its reviewer's titles).
            var optional = new Dictionary<string, JsonNode?>
            {
                ["leadAgency"] = context.ReadVariable("leadAgency")?.DeepClone(),
                ["parentRegion"] = JsonValue.Create(from),
                ["regionName"] = JsonValue.Create(region.Name),
            };
            foreach (var (name, value) in optional.Where(o => declared.Contains(o.Key)))
            {
                input[name] = value;
            }
            return input;
        }).ToList();
        return ChildWait.Begin(context, definitionId, inputs, context.Get<int?>("required"));
    }

    public ValueTask<ActivityResult> ResumeAsync(ActivityContext context, Stimulus stimulus) =>
        ValueTask.FromResult(ChildWait.Resume(context, stimulus));
}
