using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 5: a measure led by 省科技厅 with two co-agencies, 省经信厅 and 省人力社保厅, each reporting progress. A co-agency reads
/// its own part of the instance only; the lead, the policy office, leadership and administrators read all of it.
/// </summary>
public sealed class InstanceReadingTests
{
    private const string RlsbNote = "人社厅内部进展：已完成职称评审方案初稿";
    private const string JxNote = "经信厅进展：已走访企业12家";

    [Theory]
    [InlineData("Sqlite")]
    [InlineData("PostgreSql")]
    public async Task ACoAgency_ReadsOnlyItsOwnPart_TheLeadAndSupervisorsReadAll(string provider)
    {
        await using var storage = await TestStorage.CreateAsync(provider);
        await using var host = HostOn.Start("Development", storage.Environment, new Dictionary<string, string?> { ["Seed:LaunchPolicy"] = "false" });
        using var admin = await host.SignedInAsync("admin");
        var (instance, tasks) = await TwoAgencyMeasure.LaunchAsync(admin, "co-agencies", "kj-330000", "jx-330000", "rlsb-330000");
        using var jx = await host.SignedInAsync("jx-330000");
        using var rlsb = await host.SignedInAsync("rlsb-330000");
        Assert.Equal(HttpStatusCode.OK, (await rlsb.PostAsJsonAsync($"/api/tasks/{tasks["rlsb-330000"]}/progress", new { note = RlsbNote, percent = 40 })).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await jx.PostAsJsonAsync($"/api/tasks/{tasks["jx-330000"]}/progress", new { note = JxNote, percent = 20 })).StatusCode);

        // 省经信厅, a co-agency: its own note, not 省人力社保厅's — in the journal, the tasks, the timers and the variables.
        var journal = await jx.GetStringAsync($"/api/workflow-instances/{instance}/journal");
        Assert.Contains(JxNote, journal, StringComparison.Ordinal);
        Assert.DoesNotContain(RlsbNote, journal, StringComparison.Ordinal);
        Assert.DoesNotContain(tasks["rlsb-330000"].ToString(), journal, StringComparison.Ordinal);
        var detail = (await jx.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instance}"))!;
        Assert.False(detail["whole"]!.GetValue<bool>());
        Assert.Null(detail["variables"]);
        Assert.Equal(["jx-330000"], detail["tasks"]!.AsArray().Select(t => t!["assignee"]!.GetValue<string>()));
        Assert.DoesNotContain("rlsb", detail.ToJsonString(), StringComparison.Ordinal);
        var timers = (await jx.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{instance}/timers"))!;
        Assert.NotEmpty(timers);
        Assert.All(timers, t => Assert.Equal(tasks["jx-330000"], t!["taskId"]!.GetValue<Guid>()));
        var jxTasks = (await jx.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}&all=true"))!["items"]!.AsArray();
        Assert.Equal([tasks["jx-330000"]], jxTasks.Select(t => t!["id"]!.GetValue<Guid>()));

        // The lead agency and the supervisors read the whole instance, 省人力社保厅's note included.
        foreach (var reader in new[] { "kj-330000", "policy-office", "leader", "admin" })
        {
            using var client = reader == "admin" ? null : await host.SignedInAsync(reader);
            var whole = client ?? admin;
            Assert.Contains(RlsbNote, await whole.GetStringAsync($"/api/workflow-instances/{instance}/journal"), StringComparison.Ordinal);
            var all = (await whole.GetFromJsonAsync<JsonObject>($"/api/workflow-instances/{instance}"))!;
            Assert.True(all["whole"]!.GetValue<bool>(), reader);
            Assert.Equal(2, all["tasks"]!.AsArray().Count);
            Assert.Equal("kj-330000", all["variables"]!["leadAgency"]!.GetValue<string>());
            Assert.Equal(2, (await whole.GetFromJsonAsync<JsonArray>($"/api/workflow-instances/{instance}/timers"))!
                .Select(t => t!["taskId"]!.GetValue<Guid>()).Distinct().Count());
        }

        // An agency with no task in it still gets "not found".
        using var other = await host.SignedInAsync("tz-330000");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/workflow-instances/{instance}/journal")).StatusCode);
    }
}
