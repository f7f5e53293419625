using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyFlow.Host.Tests.Durability;
using PolicyFlow.Host.Tests.Studio;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// Item 10 in Chromium: two host processes on one PostgreSQL database, each with its own empty key directory, behind a
/// load balancer that is not sticky. A Blazor Server circuit lives in one host's memory and cannot move: when host A dies,
/// the page's reconnection reaches host B, which does not know the circuit and refuses it, and Blazor reloads the page.
/// What must hold is everything around the circuit: B accepts the sign-in cookie A issued (shared key ring), serves the
/// reloaded page signed in, opens a new circuit, and the work done on it is stored and visible through B's API.
/// </summary>
public sealed class SeveralHostsStudioTests
{
    [Fact]
    public async Task TaskPageOpenedThroughHostA_WhenAStops_ReloadsOnHostBWithANewCircuit_AndItsActionIsStored()
    {
        await using var storage = await TestStorage.CreateAsync("PostgreSql");
        var homeA = Directory.CreateTempSubdirectory("pf-home-a-").FullName;
        var homeB = Directory.CreateTempSubdirectory("pf-home-b-").FullName;
        try
        {
            await using var a = await PolicyFlowProcess.StartAsync(SeveralHosts.WithHome(storage.Environment, homeA));
            await using var b = await PolicyFlowProcess.StartAsync(SeveralHosts.WithHome(storage.Environment, homeB));
            await using var balancer = new LoadBalancer(a.Address);
            var tag = StudioFlows.NewTag();
            var task = await LaunchTaskAsync(b, tag);

            await using var browser = await Chromium.LaunchAsync();
            await using var context = await browser.NewContextAsync(new() { BaseURL = balancer.Address.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
            context.SetDefaultTimeout(30_000);
            var page = await context.NewPageAsync();

            // Signed in through A on the login page, the task page opens on a circuit of A, and a claim there works.
            await page.GotoAsync($"/account/login?returnUrl=%2Ftasks%2F{task}");
            await page.Locator("input[name=userName]").FillAsync("admin");
            await page.Locator("input[name=password]").FillAsync(PolicyFlowAccounts.DemoPassword);
            await page.Locator("#login button").ClickAsync();
            await page.WaitForURLAsync($"**/tasks/{task}");
            await page.Locator("[data-interactive=true]").WaitForAsync();
            await page.GetByTestId("claim").ClickAsync();
            await Assertions.Expect(page.GetByTestId("task-facts").GetByText("已签收")).ToBeVisibleAsync(new() { Timeout = 30_000 });
            Assert.Equal(0, balancer.ConnectionsTo(b.Address));

            // A marker in the page's memory: it is gone only if the page really reloads.
            await page.EvaluateAsync("() => { window.pfLoadedOnA = true; }");
            balancer.SendTo(b.Address);
            await a.KillAsync();

            // Blazor's own reconnection is refused by B (unknown circuit); its default handler then reloads the page.
            await page.WaitForFunctionAsync("() => window.pfLoadedOnA === undefined && document.querySelector('[data-interactive=true]') !== null",
                null, new() { Timeout = 90_000, PollingInterval = 250 });
            Assert.EndsWith($"/tasks/{task}", page.Url, StringComparison.Ordinal);
            Assert.True(balancer.ConnectionsTo(b.Address) > 0, "the reloaded page must have come from B");
            await Assertions.Expect(page.GetByTestId("task-facts").GetByText("已签收")).ToBeVisibleAsync();
            await page.GetByLabel("进展情况").FillAsync($"经B主机报送 {tag}");
            await page.GetByTestId("progress").ClickAsync();
            await Assertions.Expect(page.GetByTestId("history").GetByText($"经B主机报送 {tag}", new() { Exact = false })).ToBeVisibleAsync(new() { Timeout = 30_000 });
            var screenshot = RepositoryRoot.Combine("artifacts", "screenshots", "several-hosts-task-page-on-b.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            await page.ScreenshotAsync(new() { Path = screenshot, FullPage = true });

            // B's API, with the cookie A issued to the browser, shows the claim made on A and the note sent on B.
            var cookie = (await context.CookiesAsync()).Single(c => c.Name == "pf.auth");
            using var onB = new HttpClient { BaseAddress = b.Address };
            onB.DefaultRequestHeaders.Add("Cookie", $"{cookie.Name}={cookie.Value}");
            var stored = (await onB.GetFromJsonAsync<JsonObject>($"/api/tasks/{task}"))!;
            Assert.Equal("admin", stored["claimedBy"]?.GetValue<string>());
            Assert.Equal($"经B主机报送 {tag}", stored["progress"]?["note"]?.GetValue<string>());
            Assert.Equal("admin", stored["progress"]?["by"]?.GetValue<string>());
        }
        finally
        {
            Directory.Delete(homeA, recursive: true);
            Directory.Delete(homeB, recursive: true);
        }
    }

    /// <summary>Publishes and launches a fork of two tasks through B's API and returns the id of the first.</summary>
    private static async Task<Guid> LaunchTaskAsync(PolicyFlowProcess host, string tag)
    {
        using var admin = await host.CreateSignedInClientAsync();
        var id = $"hosts-{tag}";
        var draft = await admin.PutAsync($"/api/workflow-definitions/{id}/draft",
            new StringContent(StudioFlows.ForkJoin(id, tag), System.Text.Encoding.UTF8, "application/json"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        Assert.True((await admin.PostAsync($"/api/workflow-definitions/{id}/publish", null)).IsSuccessStatusCode);
        var launched = await admin.PostAsJsonAsync("/api/workflow-instances", new { definitionId = id });
        Assert.True(launched.IsSuccessStatusCode, await launched.Content.ReadAsStringAsync());
        var instance = (await launched.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
        var tasks = (await admin.GetFromJsonAsync<JsonObject>($"/api/tasks?instanceId={instance}"))!["items"]!.AsArray();
        return tasks.Single(t => t!["activityId"]!.GetValue<string>() == "a")!["id"]!.GetValue<Guid>();
    }
}
