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
            ArgumentList = { dll, "--urls", BaseAddress.ToString().TrimEnd('/'), "--contentRoot", RepositoryRoot.Combine("src", "PolicyFlow.Host") },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["Storage__ConnectionString"] = $"Data Source={Path.Combine(_dataDirectory, "pf.db")}";
        // Static web assets (MudBlazor's CSS, blazor.web.js) are served from the build output's manifest only in Development.
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        _process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
        Api = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        await WaitForHealthAsync();
        Browser = await Chromium.LaunchAsync();
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
