using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Engine.Definitions;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

public sealed class SeedWorkflowFilesTests
{
    private static string SeedFolder => Path.Combine(RepositoryRoot.Path, "workflows", "seed");

    [Fact]
    public async Task ImportingTheSeed_ProducesExactlyTheCheckedInWorkflowFiles()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        var policy = await h.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(SeedPolicy.Text), "office");
        var produced = new Dictionary<string, string>();
        foreach (var measure in policy.Measures)
        {
            produced[$"{measure.DefinitionId}.json"] = (await h.Definitions.GetAsync(measure.DefinitionId, null))!.Json + "\n";
        }
        if (Environment.GetEnvironmentVariable("POLICYFLOW_WRITE_SEED_WORKFLOWS") == "1")
        {
            foreach (var (name, json) in produced)
            {
                await File.WriteAllTextAsync(Path.Combine(SeedFolder, name), json);
            }
        }

        var checkedIn = Directory.GetFiles(SeedFolder, "*.json").ToDictionary(f => Path.GetFileName(f), f => File.ReadAllText(f));
        Assert.Equal(produced.Keys.Order(), checkedIn.Keys.Order());
        foreach (var (name, json) in produced)
        {
            Assert.True(json == checkedIn[name], $"{name} differs from what importing the seed produces; regenerate with POLICYFLOW_WRITE_SEED_WORKFLOWS=1 and review the diff.");
        }
    }

    [Fact]
    public void EveryCheckedInDefinitionAndTemplate_IsValid()
    {
        using var services = new ServiceCollection().AddPolicyFlowActivities().BuildServiceProvider();
        var validator = services.GetRequiredService<DefinitionValidator>();
        var files = Directory.GetFiles(SeedFolder, "*.json").Concat(Directory.GetFiles(Path.Combine(RepositoryRoot.Path, "workflows", "templates"), "*.json")).ToList();

        Assert.Equal(13, files.Count);
        Assert.All(files, f => validator.Parse(File.ReadAllText(f)));
    }
}
