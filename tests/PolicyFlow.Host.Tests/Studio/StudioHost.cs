using System.Diagnostics;
using System.Net.Http.Json;
using System.Reflection;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Playwright;
using PolicyFlow.Testing;

namespace PolicyFlow.Host.Tests.Studio;

/// <summary>
/// The real host as a separate process on a free port with a SQLite file in a temp folder, and one Chromium for the
/// Studio tests. The browser needs a real socket, and a separate process is what people run.
/// </summary>
public sealed class StudioHost : IAsyncLifetime
{
    private readonly string _dataDirectory = Path.Combine(Path.GetTempPath(), "pf-studio-" + Guid.NewGuid().ToString("N")[..8]);
    private readonly StringBuilder _log = new();
    private Process? _process;

    public Uri BaseAddress { get; private set; } = null!;
    public HttpClient Api { get; private set; } = null!;
    public IBrowser Browser { get; private set; } = null!;

    /// <summary>The browser cookies of the demo administrator, signed in once: the sign-in endpoint allows 10 attempts a minute.</summary>
    public string BrowserState { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var configuration = typeof(StudioHost).Assembly.GetCustomAttribute<AssemblyConfigurationAttribute>()?.Configuration ?? "Debug";
        var dll = RepositoryRoot.Combine("src", "PolicyFlow.Host", "bin", configuration, "net10.0", "PolicyFlow.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: run `dotnet build src/PolicyFlow.Host -c {configuration}` first.");
        }
        Directory.CreateDirectory(_dataDirectory);
        var port = FreePort.Next();
        BaseAddress = new Uri($"http://127.0.0.1:{port}");
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", PrepareContentRoot() },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "pf.db")}";
        // Static web assets (MudBlazor's CSS, blazor.web.js) are served from the build output's manifest only in Development.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        start.Environment["Seed__Demo"] = "false";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await WaitForHealthAsync();
        await PolicyFlowAccounts.SignInAsync(Api);
        Browser = await Chromium.LaunchAsync();
        BrowserState = await SignInBrowserAsync();
    }

    private async Task<string> SignInBrowserAsync()
    {
        await using var context = await Browser.NewContextAsync(new() { BaseURL = BaseAddress.ToString() });
        // The context's request API keeps the Set-Cookie answer in the context, exactly as the login page's fetch does.
        var response = await context.APIRequest.PostAsync("/api/account/login",
            new() { DataObject = new { userName = "admin", password = PolicyFlowAccounts.DemoPassword } });
        if (!response.Ok)
        {
            throw new InvalidOperationException($"The browser could not sign in as admin: {response.Status} {await response.TextAsync()}");
        }
        return await context.StorageStateAsync();
    }

    /// <summary>
    /// A content root of the host's own in the temp folder: the project's settings and wwwroot, and a fresh <c>data/</c>,
    /// so the .eml files it drops stay out of the source tree. The host insists on an existing <c>data/calendar</c>
    /// holiday folder (gitignored, so absent in a checkout) and faults every agency step without it — reported to the
    /// lead; an empty folder means "the embedded 2024–2026 calendar only".
    /// </summary>
    private string PrepareContentRoot()
    {
        var project = RepositoryRoot.Combine("src", "PolicyFlow.Host");
        var root = Path.Combine(_dataDirectory, "content");
        Directory.CreateDirectory(Path.Combine(root, "data", "calendar"));
        foreach (var settings in Directory.GetFiles(project, "appsettings*.json"))
        {
            File.Copy(settings, Path.Combine(root, Path.GetFileName(settings)));
        }
        Directory.CreateSymbolicLink(Path.Combine(root, "wwwroot"), Path.Combine(project, "wwwroot"));
        return root;
    }

    private void Append(string? line)
    {
        lock (_log)
        {
            _log.AppendLine(line);
        }
    }

    public string Log()
    {
        lock (_log)
        {
            return _log.ToString();
        }
    }

    private async Task WaitForHealthAsync()
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process!.HasExited)
            {
                throw new InvalidOperationException($"The host exited with code {_process.ExitCode}:\n{Log()}");
            }
            try
            {
                if ((await Api.GetAsync("/health")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            await Task.Delay(250);
        }
        throw new TimeoutException($"The host did not answer /health within 90 s:\n{Log()}");
    }

    /// <summary>Saves and publishes a definition through the API, as the policy office would.</summary>
    public async Task PublishAsync(string json)
    {
        var id = JsonNode.Parse(json)!["id"]!.GetValue<string>();
        var draft = await Api.PutAsync($"/api/workflow-definitions/{id}/draft", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(draft.IsSuccessStatusCode, await draft.Content.ReadAsStringAsync());
        var publish = await Api.PostAsync($"/api/workflow-definitions/{id}/publish", null);
        Assert.True(publish.IsSuccessStatusCode, await publish.Content.ReadAsStringAsync());
    }

    public async Task<Guid> LaunchAsync(string definitionId)
    {
        var response = await Api.PostAsJsonAsync("/api/workflow-instances", new { definitionId });
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!.GetValue<Guid>();
    }

    public async Task<JsonArray> GetArrayAsync(string path) => (await Api.GetFromJsonAsync<JsonArray>(path))!;

    public async Task<JsonObject> GetObjectAsync(string path) => (await Api.GetFromJsonAsync<JsonObject>(path))!;

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }
        Api?.Dispose();
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }
        _process?.Dispose();
        try
        {
            Directory.Delete(_dataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the dying host; the temp folder is the OS's to clean.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class StudioCollection : ICollectionFixture<StudioHost>
{
    public const string Name = "Studio";
}
