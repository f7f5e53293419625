using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Policies.Corrections;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Policies.Tests;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

/// <summary>Publishing uses the corrected preview and keeps, with the policy, who corrected what and when.</summary>
public sealed class CorrectedPublishTests
{
    private static readonly DateTimeOffset Today = new(2024, 9, 20, 10, 0, 0, TimeSpan.FromHours(8));

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Publish_WithACorrectedLead_PublishesThatLead_AndRecordsTheCorrectionWithItsAuthor(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: Today);
        var publisher = h.Services.GetRequiredService<PolicyPublisher>();
        PolicyCorrection[] corrections =
        [
            new(CorrectionKind.Lead, 2, Lead: "省科技厅"),
            new(CorrectionKind.CoAgencies, 2, CoAgencies: ["省人力社保厅"]),
            new(CorrectionKind.Split, 1, At: 2),
        ];

        var policy = await publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(), Corrections: corrections), "office-alice");

        Assert.Equal(4, policy.Measures.Count);
        var evaluation = policy.Measures.Single(m => m.Number == 3);
        Assert.Equal("kj-330000", evaluation.LeadAgencyId);
        var definition = JsonNode.Parse((await h.Definitions.GetAsync(evaluation.DefinitionId, null))!.Json)!;
        var variables = definition["variables"]!.AsArray().ToDictionary(v => v!["name"]!.GetValue<string>(), v => v!["default"]);
        Assert.Equal("kj-330000", variables["leadAgency"]!.GetValue<string>());
        Assert.Equal(["rlsb-330000"], variables["coAgencies"]!.AsArray().Select(a => a!.GetValue<string>()));

        await using var db = h.Db.Create();
        var record = await db.PolicyCorrections.AsNoTracking().Where(c => c.PolicyId == policy.Id).OrderBy(c => c.Seq).ToListAsync();
        Assert.Equal([CorrectionKind.Lead, CorrectionKind.CoAgencies, CorrectionKind.Split], record.Select(c => c.Kind));
        Assert.All(record, c => Assert.Equal("office-alice", c.By));
        Assert.All(record, c => Assert.Equal(Today, c.At));
        Assert.Equal(("（二）", "省人力社保厅", "省科技厅"), (record[0].Label, record[0].Before, record[0].After));
        Assert.Equal(corrections[0], CorrectionJson.Deserialize(record[0].CorrectionJson));

        // The same document with the same corrections is the stored policy; with other corrections it is refused.
        Assert.Equal(policy.Id, (await publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(), Corrections: corrections), "office-bob")).Id);
        var other = await Assert.ThrowsAsync<Engine.Runtime.EngineException>(() =>
            publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(), Corrections: corrections[..1]), "office-bob"));
        Assert.Contains("已按其他更正发布", other.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Publish_WithACorrectionThatCannotApply_IsRefused_AndStoresNothing(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider, now: Today);
        var publisher = h.Services.GetRequiredService<PolicyPublisher>();

        var error = await Assert.ThrowsAsync<PolicyCorrectionException>(() => publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(),
            Corrections: [new(CorrectionKind.Title, 1, Title: "新标题"), new(CorrectionKind.Merge, 1, With: 3)]), "office"));

        Assert.Equal(2, error.Index);
        await using var db = h.Db.Create();
        Assert.Equal(0, await db.Policies.CountAsync());
        Assert.Equal(0, await db.PolicyCorrections.CountAsync());
        Assert.Equal(0, await db.Definitions.CountAsync());
    }
}
