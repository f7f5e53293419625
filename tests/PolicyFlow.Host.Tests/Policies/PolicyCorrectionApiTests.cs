using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Host.Tests.Studio;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Policies;

/// <summary>The editable preview and the tracking start through the HTTP API of a real host.</summary>
public sealed class PolicyCorrectionApiTests
{
    [Fact]
    public async Task TheOfficeCorrectsThePreview_PublishesIt_AndTheCorrectionsAndTrackingStartAreKept_WhileBadInputIsRefused()
    {
        var number = StudioPolicies.NewNumber();
        var text = StudioPolicies.TwoMeasures(number, "api");
        var id = StudioPolicies.PolicyId(number);
        await using var storage = await TestStorage.CreateAsync("Sqlite");
        await using var host = await PolicyFlowProcess.StartAsync(storage.Environment);
        using var office = await host.CreateSignedInClientAsync("policy-office");
        var corrections = new JsonArray
        {
            new JsonObject { ["kind"] = "Lead", ["measure"] = 2, ["lead"] = "省科技厅" },
            new JsonObject { ["kind"] = "CoAgencies", ["measure"] = 1, ["coAgencies"] = new JsonArray("省教育厅") },
        };

        // A correction that cannot apply: 400 naming it, in Chinese and English.
        foreach (var (bad, reason) in new[]
        {
            (new JsonObject { ["kind"] = "Lead", ["measure"] = 2, ["lead"] = "" }, "牵头单位不能为空。 The lead agency cannot be empty."),
            (new JsonObject { ["kind"] = "Title", ["measure"] = 7, ["title"] = "x" }, "Measure 7 does not exist"),
            (new JsonObject { ["kind"] = "Merge", ["measure"] = 2, ["with"] = 1 }, "Only adjacent measures can be merged"),
        })
        {
            var refused = await office.PostAsJsonAsync("/api/policies/preview/corrected", new JsonObject { ["text"] = text, ["corrections"] = new JsonArray(bad) });
            Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
            var problem = (await refused.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Contains(reason, problem["detail"]!.GetValue<string>(), StringComparison.Ordinal);
            Assert.Equal(1, problem["correction"]!.GetValue<int>());
        }
        var unknownKind = await office.PostAsJsonAsync("/api/policies/preview/corrected",
            new JsonObject { ["text"] = text, ["corrections"] = new JsonArray(new JsonObject { ["kind"] = "Rewrite", ["measure"] = 1 }) });
        Assert.Equal(HttpStatusCode.BadRequest, unknownKind.StatusCode);

        var preview = (await (await office.PostAsJsonAsync("/api/policies/preview/corrected",
            new JsonObject { ["text"] = text, ["corrections"] = corrections.DeepClone() })).Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("kj-330000", preview["preview"]!["measures"]![1]!["lead"]!["agencyId"]!.GetValue<string>());
        Assert.Equal(2, preview["changes"]!.AsArray().Count);
        // In force since 2024-10-01: the import asks for the tracking start, today by default.
        Assert.True(preview["trackingStartNeeded"]!.GetValue<bool>());
        var today = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai")).DateTime);
        Assert.Equal(today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), preview["trackingStartDefault"]!.GetValue<string>());

        var badStart = await office.PostAsJsonAsync("/api/policies", new JsonObject
        {
            ["text"] = text, ["corrections"] = corrections.DeepClone(), ["trackingStartOn"] = "2024-09-01",
        });
        Assert.Equal(HttpStatusCode.BadRequest, badStart.StatusCode);
        Assert.Contains("早于施行日期", await badStart.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await office.GetAsync($"/api/policies/{id}")).StatusCode);

        var start = today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var created = await office.PostAsJsonAsync("/api/policies", new JsonObject
        {
            ["text"] = text, ["corrections"] = corrections.DeepClone(), ["trackingStartOn"] = start,
        });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var policy = (await office.GetFromJsonAsync<JsonObject>($"/api/policies/{id}"))!;
        Assert.Equal("kj-330000", policy["measures"]![1]!["leadAgencyId"]!.GetValue<string>());
        Assert.Equal(["jy-330000"], policy["measures"]![0]!["coAgencyIds"]!.AsArray().Select(a => a!.GetValue<string>()));
        Assert.Equal(start, policy["trackingStartOn"]!.GetValue<string>());
        Assert.Equal(2, policy["corrections"]!.GetValue<int>());

        var record = (await office.GetFromJsonAsync<JsonArray>($"/api/policies/{id}/corrections"))!;
        Assert.Equal(["Lead", "CoAgencies"], record.Select(c => c!["kind"]!.GetValue<string>()));
        Assert.All(record, c => Assert.Equal("policy-office", c!["by"]!.GetValue<string>()));
        Assert.Equal("省科技厅", record[0]!["after"]!.GetValue<string>());

        var launchTooEarly = await office.PostAsync($"/api/policies/{id}/launch?trackingStartOn=2024-01-01", null);
        Assert.Equal(HttpStatusCode.BadRequest, launchTooEarly.StatusCode);
        Assert.Contains("The tracking start 2024-01-01 is before the effective date", await launchTooEarly.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var launched = await office.PostAsync($"/api/policies/{id}/launch?trackingStartOn={start}", null);
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        Assert.Equal(2, (await launched.Content.ReadFromJsonAsync<JsonArray>())!.Count);
    }
}
