using System.ComponentModel;
using System.Diagnostics;
using System.Text;

namespace PolicyFlow.Testing;

/// <summary>One run of smtp_sink.py: started, awaited until it prints READY, stopped by closing its stdin.</summary>
internal sealed class SmtpSinkProcess
{
    private const string InstallHint =
        "The SMTP sink needs Debian's python3-aiosmtpd (/usr/bin/python3 -c 'import aiosmtpd' must work): " +
        "run ./scripts/test.sh, which installs it, or apt-get install python3-aiosmtpd.";

    private readonly Process _process;
    private readonly StringBuilder _stderr = new();

    private SmtpSinkProcess(Process process)
    {
        _process = process;
    }

    public bool HasExited => _process.HasExited;

    // Debian's interpreter, not a pyenv or venv python3 earlier on PATH, is the one that has aiosmtpd.
    private static string Python =>
        Environment.GetEnvironmentVariable("POLICYFLOW_PYTHON") is { Length: > 0 } python ? python
        : File.Exists("/usr/bin/python3") ? "/usr/bin/python3"
        : "python3";

    public static async Task<SmtpSinkProcess> StartAsync(IEnumerable<string> arguments, TimeSpan readyTimeout)
    {
        var startInfo = new ProcessStartInfo(Python)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
        {
            startInfo.ArgumentList.Add(argument);
        }

        Process process;
        try
        {
            process = Process.Start(startInfo) ?? throw new InvalidOperationException($"{Python} did not start. {InstallHint}");
        }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException($"Cannot run {Python}: {e.Message}. {InstallHint}", e);
        }

        var sink = new SmtpSinkProcess(process);
        process.ErrorDataReceived += (_, e) =>
        {
            lock (sink._stderr)
            {
                sink._stderr.AppendLine(e.Data);
            }
        };
        process.BeginErrorReadLine();
        await sink.WaitUntilReadyAsync(readyTimeout);
        return sink;
    }

    public async Task StopAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            _process.StandardInput.Close();
            using var cts = new CancellationTokenSource(timeout);
            try
            {
                await _process.WaitForExitAsync(cts.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }

        _process.Dispose();
    }

    private async Task WaitUntilReadyAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (await _process.StandardOutput.ReadLineAsync(cts.Token) is { } line)
            {
                if (line.Trim() == "READY")
                {
                    return;
                }
            }

            // stdout closed before READY: the script died; its stderr says why.
            await _process.WaitForExitAsync(CancellationToken.None);
            throw new InvalidOperationException(
                $"The SMTP sink exited with code {_process.ExitCode} before it was ready. {InstallHint}\n{Stderr()}");
        }
        catch (OperationCanceledException)
        {
            _process.Kill(entireProcessTree: true);
            throw new TimeoutException(
                $"The SMTP sink did not print READY within {timeout.TotalSeconds:0} s. {InstallHint}\n{Stderr()}");
        }
    }

    private string Stderr()
    {
        lock (_stderr)
        {
            return _stderr.ToString();
        }
    }
}
