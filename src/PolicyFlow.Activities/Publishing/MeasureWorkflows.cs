using System.Globalization;
using System.Text.Json.Nodes;
using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Activities.Publishing;

/// <summary>
/// Makes a measure's workflow definition from the measure template: the graph is the template's, only the id, the
/// name and the variables' defaults (lead, co-agencies, effective date…) are the measure's own.
/// </summary>
public static class MeasureWorkflows
{
    public static string DefinitionId(string policyId, int measureNumber) =>
        string.Create(CultureInfo.InvariantCulture, $"{policyId}-m{measureNumber:00}");

    public static string Generate(PolicyRecord policy, MeasureRecord measure, string kind)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(measure);
        var template = JsonNode.Parse(WorkflowTemplates.Read(WorkflowTemplates.Measure))!.AsObject();
        template["id"] = measure.DefinitionId;
        template["name"] = $"{policy.DocumentNumber} {measure.NumberText}{measure.Title}";
        template["description"] = $"{policy.Title} — {measure.NumberText}{measure.Title}";
        var coAgencies = JsonNode.Parse(measure.CoAgencyIdsJson)!.AsArray();
        var defaults = new Dictionary<string, JsonNode?>
        {
            ["policyId"] = policy.Id,
            ["documentNumber"] = policy.DocumentNumber,
            ["measureNo"] = measure.Number,
            ["measureTitle"] = measure.Title,
            ["effectiveAt"] = policy.EffectiveAt.ToString("yyyy-MM-dd'T'HH:mm:sszzz", CultureInfo.InvariantCulture),
            ["kind"] = kind,
            ["leadAgency"] = measure.LeadAgencyId,
            ["coAgencies"] = coAgencies,
            ["hasCoAgencies"] = coAgencies.Count > 0,
            ["localImplementation"] = measure.LocalImplementation,
        };
        foreach (var variable in template["variables"]!.AsArray().Select(v => v!.AsObject()))
        {
            if (defaults.TryGetValue(variable["name"]!.GetValue<string>(), out var value))
            {
                variable["default"] = value?.DeepClone();
            }
        }
        return DefinitionJson.Serialize(DefinitionJson.Deserialize(template.ToJsonString()));
    }
}
