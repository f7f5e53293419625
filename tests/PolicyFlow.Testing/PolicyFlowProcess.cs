using System.Diagnostics;
using System.Text;

namespace PolicyFlow.Testing;

/// <summary>
/// The real PolicyFlow host as a separate process on a free loopback port — so a test can kill it (SIGKILL, no
/// shutdown) and start it again on the same storage.
/// </summary>
public sealed class PolicyFlowProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private PolicyFlowProcess(Process process, Uri address)
    {
        _process = process;
        Address = address;
    }

    public Uri Address { get; }

    /// <summary>The host's process id (dotnet runs the host in its own process), e.g. to read its memory.</summary>
    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    /// <summary>Starts the host built beside the tests (same configuration) and waits until /health answers.</summary>
    /// <remarks>The Development demo playback is off unless <paramref name="environment"/> turns it on (<c>Seed__Demo</c>).</remarks>
    public static async Task<PolicyFlowProcess> StartAsync(IReadOnlyDictionary<string, string> environment, int? port = null,
        TimeSpan? healthyWithin = null)
    {
        var configuration = AppContext.BaseDirectory.Contains("/Release/", StringComparison.Ordinal) ? "Release" : "Debug";
        var binaries = RepositoryRoot.Combine("src", "PolicyFlow.Host", "bin", configuration, "net10.0");
        var dll = Path.Combine(binaries, "PolicyFlow.Host.dll");
        if (!File.Exists(dll))
        {
            throw new InvalidOperationException($"{dll} is missing: build the solution first (dotnet build -c {configuration}).");
        }
        var address = new Uri($"http://127.0.0.1:{port ?? FreePort.Next()}");
        var info = new ProcessStartInfo("dotnet", [dll, "--urls", address.ToString().TrimEnd('/')])
        {
            WorkingDirectory = binaries,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Development";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Seed__Demo"] = "false";
        foreach (var (key, value) in environment)
        {
            info.Environment[key] = value;
        }
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var host = new PolicyFlowProcess(process, address);
        process.OutputDataReceived += (_, e) => host.Append(e.Data);
        process.ErrorDataReceived += (_, e) => host.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        await host.WaitHealthyAsync(healthyWithin ?? TimeSpan.FromSeconds(60));
        return host;
    }

    public HttpClient CreateClient() => new() { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(60) };

    /// <summary>Kills the process at once, as a power cut would: no graceful shutdown, nothing flushed.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }
        await _process.WaitForExitAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    private async Task WaitHealthyAsync(TimeSpan timeout)
    {
        using var client = new HttpClient { BaseAddress = Address, Timeout = TimeSpan.FromSeconds(2) };
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < timeout)
        {
            if (_process.HasExited)
            {
                // The parameterless wait returns once the redirected output has been read to its end, so the message holds it.
                _process.WaitForExit();
                throw new InvalidOperationException($"PolicyFlow exited with code {_process.ExitCode} while starting:\n{Output}");
            }
            try
            {
                if ((await client.GetAsync(new Uri("/health", UriKind.Relative))).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }
            await Task.Delay(200);
        }
        throw new TimeoutException($"PolicyFlow did not become healthy at {Address} within {timeout}:\n{Output}");
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}
