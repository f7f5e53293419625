using System.Reflection;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using PolicyFlow.Activities.Publishing;
using PolicyFlow.Policies.Tests;
using PolicyFlow.Testing;

namespace PolicyFlow.Activities.Tests.Publishing;

/// <summary>A policy's id names its issuer: two issuers' documents with the same number are two policies.</summary>
public sealed class PolicyIdTests
{
    [Fact]
    public void From_TheSameNumberOfTwoIssuers_GivesTwoIds_AndTheSameDocumentAlwaysTheSameId()
    {
        var jx = PolicyIds.From("浙经信人事〔2024〕151号", "");
        var rlsb = PolicyIds.From("浙人社发〔2024〕151号", "");

        Assert.NotEqual(jx, rlsb);
        Assert.Equal("p2024-151-d27fde", jx);
        Assert.Equal(jx, PolicyIds.From("浙经信人事〔2024〕151号", "another title"));
        Assert.Matches("^p2024-151-[0-9a-f]{6}$", rlsb);
        Assert.Equal("p2024-151", PolicyIds.Legacy("浙经信人事〔2024〕151号"));
    }

    [Fact]
    public void ThePolicyIdPattern_RunsWithATimeout()
    {
        // A document number is read from uploaded text, as the importer's patterns are (HostileInputTests there).
        var patterns = typeof(PolicyIds).GetMethods(BindingFlags.Static | BindingFlags.NonPublic | BindingFlags.Public | BindingFlags.DeclaredOnly)
            .Where(m => m.ReturnType == typeof(Regex) && m.GetParameters().Length == 0).Select(m => (Regex)m.Invoke(null, null)!).ToList();

        Assert.NotEmpty(patterns);
        Assert.All(patterns, p => Assert.True(p.MatchTimeout != Regex.InfiniteMatchTimeout && p.MatchTimeout <= TimeSpan.FromSeconds(1), p.ToString()));
    }

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task Publish_TwoIssuersDocumentsWithTheSameNumber_StoresTwoPolicies(string provider)
    {
        await using var h = await WorkflowHarness.StartAsync(provider);
        var publisher = h.Services.GetRequiredService<PolicyPublisher>();

        var jx = await publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(151, "浙经信测")), "office");
        var rlsb = await publisher.PublishAsync(new ImportRequest(CorrectionDocument.Text(151, "浙人社测")), "office");

        Assert.NotEqual(jx.Id, rlsb.Id);
        await using var db = h.Db.Create();
        Assert.Equal(["浙人社测〔2031〕151号", "浙经信测〔2031〕151号"], (await db.Policies.Select(p => p.DocumentNumber).ToListAsync()).Order());
        Assert.Equal(6, await db.Measures.CountAsync());
    }

    [Fact]
    public async Task Publish_ADocumentStoredUnderItsOldId_ReturnsTheStoredPolicy()
    {
        await using var h = await WorkflowHarness.StartAsync("Sqlite");
        var text = CorrectionDocument.Text(88);
        await using (var db = h.Db.Create())
        {
            db.Policies.Add(new PolicyRecord { Id = "p2031-88", Title = "关于测试更正的若干措施", DocumentNumber = "浙经信测〔2031〕88号", SourceText = text, ImportedBy = "old" });
            await db.SaveChangesAsync();
        }

        var again = await h.Services.GetRequiredService<PolicyPublisher>().PublishAsync(new ImportRequest(text), "office");

        Assert.Equal("p2031-88", again.Id);
        await using var check = h.Db.Create();
        Assert.Equal(1, await check.Policies.CountAsync());
    }
}
