using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>A fresh browser context per test (so the culture cookie of one never leaks into another) and screenshots.</summary>
public abstract class StudioTest(StudioHost host) : IAsyncLifetime
{
    protected StudioHost Host { get; } = host;
    protected IPage Page { get; private set; } = null!;
    private IBrowserContext? _context;

    public async Task InitializeAsync()
    {
        _context = await Host.Browser.NewContextAsync(new()
        {
            BaseURL = Host.BaseAddress.ToString(),
            ViewportSize = new() { Width = 1440, Height = 900 },
            Locale = "en-US", // the Studio must still default to Chinese: it ignores Accept-Language
            StorageState = Host.BrowserState, // signed in as the demo administrator
            // Only a test that injects its own tooling script (axe) lifts the Content-Security-Policy; every other page runs under it.
            BypassCSP = InjectsScripts,
        });
        _context.SetDefaultTimeout(20_000);
        // Assertions wait as long as actions: 5 s (Playwright's default) is short for a use case and a re-render on a loaded 2-core CI machine.
        Assertions.SetDefaultExpectTimeout(20_000);
        Page = await _context.NewPageAsync();
        // Script errors go to a log beside the screenshots: a canvas that never draws says why there.
        Page.Console += (_, m) => { if (m.Type == "error") Remember($"console: {m.Text}"); };
        Page.PageError += (_, e) => Remember($"page error: {e}");
    }

    public async Task DisposeAsync()
    {
        if (_context is not null)
        {
            await _context.DisposeAsync();
        }
    }

    /// <summary>Whether this test adds scripts of its own to the page (which the Studio's CSP would rightly block).</summary>
    protected virtual bool InjectsScripts => false;

    /// <summary>Opens a Studio page and waits until its Blazor circuit is live (buttons work from then on).</summary>
    protected Task OpenAsync(string path) => OpenAsync(Page, path);

    private void Remember(string line)
    {
        var path = RepositoryRoot.Combine("artifacts", "screenshots", "studio-browser-errors.log");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        lock (typeof(StudioTest))
        {
            File.AppendAllText(path, $"{GetType().Name} {Page.Url}: {line}{Environment.NewLine}");
        }
    }

    protected Task ScreenshotAsync(string name) => ScreenshotAsync(Page, name);

    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = RepositoryRoot.Combine("artifacts", "screenshots", $"studio-{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new() { Path = path, FullPage = true });
    }

    /// <summary>A browser context of its own for one demo account, signed in through the API as the login page does.</summary>
    protected async Task<IBrowserContext> SignedInAsync(string userName)
    {
        var context = await Host.Browser.NewContextAsync(new() { BaseURL = Host.BaseAddress.ToString(), ViewportSize = new() { Width = 1440, Height = 900 } });
        context.SetDefaultTimeout(20_000);
        var response = await context.APIRequest.PostAsync("/api/account/login",
            new() { DataObject = new { userName, password = PolicyFlowAccounts.DemoPassword } });
        Assert.True(response.Ok, $"{userName}: {response.Status} {await response.TextAsync()}");
        return context;
    }

    /// <summary>Opens a Studio page in another user's <paramref name="page"/> and waits until its circuit is live.</summary>
    protected static async Task OpenAsync(IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.Locator("[data-interactive=true]").WaitForAsync();
    }

    /// <summary>Picks <paramref name="option"/> in the MudSelect labelled <paramref name="label"/>.</summary>
    protected async Task SelectAsync(string label, string option)
    {
        await Page.Locator(".mud-select", new() { Has = Page.Locator("label", new() { HasTextString = label }) }).First.ClickAsync();
        await Page.Locator(".mud-popover-open .mud-list-item").GetByText(option, new() { Exact = true }).ClickAsync();
        await Assertions.Expect(Page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    protected Task<IReadOnlyList<string>> HeadersAsync(string table) =>
        Page.Locator($"[data-testid={table}] thead th").AllInnerTextsAsync();
}
