using Microsoft.Playwright;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>The Studio behind sign-in, with the API's visibility rules. Signs in through the login page once (10 a minute per address).</summary>
[Collection(StudioCollection.Name)]
public sealed class StudioAccessTests(StudioHost host) : IAsyncLifetime
{
    private IBrowserContext _context = null!;

    public async Task InitializeAsync()
    {
        // No stored cookies: an anonymous browser.
        _context = await host.Browser.NewContextAsync(new() { BaseURL = host.BaseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        _context.SetDefaultTimeout(20_000);
    }

    public Task DisposeAsync() => _context.DisposeAsync().AsTask();

    [Fact]
    public async Task AnAgencyUser_IsSentToSignIn_ThenSeesOnlyTheirAgencysTasks_AndNotAnotherAgencysTask()
    {
        var tag = StudioFlows.NewTag();
        await host.PublishAsync(StudioFlows.TwoAgencies($"agencies-{tag}", tag));
        var instance = await host.LaunchAsync($"agencies-{tag}");
        var tasks = (await host.GetObjectAsync($"/api/tasks?instanceId={instance}&all=true"))["items"]!.AsArray();
        Guid IdOf(string activity) => tasks.Single(t => t!["activityId"]!.GetValue<string>() == activity)!["id"]!.GetValue<Guid>();
        var own = IdOf("a");
        var foreign = IdOf("b");
        var page = await _context.NewPageAsync();

        await page.GotoAsync("/tasks");
        await page.WaitForURLAsync("**/account/login?returnUrl=%2Ftasks");
        await Assertions.Expect(page.Locator("h1")).ToContainTextAsync("PolicyFlow");
        await page.Locator("input[name=userName]").FillAsync("jx-330102");
        await page.Locator("input[name=password]").FillAsync(PolicyFlow.Testing.PolicyFlowAccounts.DemoPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "登录 Sign in" }).ClickAsync();
        await page.WaitForURLAsync("**/tasks");
        await page.Locator("[data-interactive=true]").WaitForAsync();

        await Assertions.Expect(page.GetByTestId("user-badge")).ToContainTextAsync("jx-330102 · 上城区经信局");
        await Assertions.Expect(page.GetByText($"区级落实 {tag}")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText($"省级配合 {tag}")).ToHaveCountAsync(0);
        var assignees = await page.Locator("[data-testid=inbox] tbody td:nth-child(3)").AllInnerTextsAsync(); // after the selection box, by name
        Assert.NotEmpty(assignees);
        Assert.All(assignees, a => Assert.Equal("上城区经信局", a.Trim()));

        await page.GotoAsync($"/tasks/{foreign}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("not-found")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("complete")).ToHaveCountAsync(0);

        await page.GotoAsync($"/tasks/{own}");
        await page.Locator("[data-interactive=true]").WaitForAsync();
        await Assertions.Expect(page.GetByTestId("page-title")).ToHaveTextAsync($"区级落实 {tag}");
        await Assertions.Expect(page.GetByTestId("complete")).ToBeVisibleAsync();
    }
}
