using Microsoft.Playwright;

namespace PolicyFlow.Testing;

/// <summary>Debian's Chromium driven by Playwright; Playwright never downloads a browser of its own here.</summary>
public static class Chromium
{
    /// <summary>Flags for a machine whose network is closed: without them Chromium keeps dialling Google's hosts.</summary>
    public static readonly IReadOnlyList<string> Arguments =
    [
        "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
        "--disable-background-networking", "--disable-component-update", "--disable-sync",
    ];

    private static readonly SemaphoreSlim Gate = new(1, 1);
    private static IPlaywright? _playwright;

    public static string ExecutablePath =>
        Environment.GetEnvironmentVariable("POLICYFLOW_CHROMIUM") is { Length: > 0 } path ? path : "/usr/bin/chromium";

    public static async Task<IBrowser> LaunchAsync()
    {
        var executable = ExecutablePath;
        if (!File.Exists(executable))
        {
            throw new InvalidOperationException(
                $"Chromium is not installed at {executable}: run ./scripts/test.sh, which installs Debian's chromium " +
                "and fonts-noto-cjk, or set POLICYFLOW_CHROMIUM to a Chromium executable.");
        }

        var playwright = await PlaywrightAsync();
        return await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = executable,
            Headless = true,
            Args = Arguments,
            Timeout = 60_000,
        });
    }

    // One Playwright driver per test process, shared by every browser; it ends with the process.
    private static async Task<IPlaywright> PlaywrightAsync()
    {
        await Gate.WaitAsync();
        try
        {
            if (_playwright is null)
            {
                Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
                _playwright = await Playwright.CreateAsync();
                AppDomain.CurrentDomain.ProcessExit += (_, _) => _playwright.Dispose();
            }

            return _playwright;
        }
        finally
        {
            Gate.Release();
        }
    }
}
