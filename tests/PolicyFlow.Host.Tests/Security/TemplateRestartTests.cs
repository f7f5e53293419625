using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>Item 11: starting the host again does not publish the built-in city and county templates over the policy office's edits.</summary>
public sealed class TemplateRestartTests
{
    [Fact]
    public async Task ARestart_KeepsThePolicyOfficesVersionOfTheCityAndCountyTemplates()
    {
        var directory = HostOn.NewDirectory();
        var settings = new Dictionary<string, string?> { ["Seed:ImportPolicy"] = "false" };
        var edited = new Dictionary<string, int>();
        await using (var first = HostOn.Start("Development", directory, settings))
        {
            foreach (var name in WorkflowTemplates.Shared)
            {
                var template = JsonNode.Parse(WorkflowTemplates.Read(name))!.AsObject();
                template["name"] = $"{template["name"]}（政策办修订）";
                edited[name] = await first.WithServicesAsync(async services =>
                    (await services.GetRequiredService<DefinitionService>().SaveAndPublishAsync(template.ToJsonString(), "policy-office")).Version);
            }
        }

        await using var second = HostOn.Start("Development", directory, settings);
        foreach (var name in WorkflowTemplates.Shared)
        {
            var latest = await second.WithServicesAsync(services => services.GetRequiredService<DefinitionService>().GetAsync(name, null));
            Assert.Equal(edited[name], latest!.Version);
            Assert.Equal("policy-office", latest.PublishedBy);
            Assert.EndsWith("（政策办修订）", latest.Name, StringComparison.Ordinal);
        }
    }
}
