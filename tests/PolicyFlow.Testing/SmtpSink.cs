using System.Diagnostics;
using System.Globalization;

namespace PolicyFlow.Testing;

/// <summary>
/// A real SMTP server (tests/smtp/smtp_sink.py on Debian's python3-aiosmtpd) on 127.0.0.1 and a free port,
/// writing every accepted message into a temp folder that the test reads back.
/// </summary>
public sealed class SmtpSink : IAsyncDisposable
{
    private static readonly TimeSpan ReadyTimeout = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(5);

    private readonly string[] _rejectedRecipients;
    private SmtpSinkProcess? _process;

    /// <param name="rejectedRecipients">Recipients the server answers with 550, as a real server does for an unknown mailbox.</param>
    public SmtpSink(params IEnumerable<string> rejectedRecipients)
    {
        _rejectedRecipients = [.. rejectedRecipients];
        Port = FreePort.Next();
        MailDirectory = Directory.CreateTempSubdirectory("policyflow-smtp-").FullName;
    }

    public string Host => "127.0.0.1";

    public int Port { get; }

    public string MailDirectory { get; }

    public bool IsRunning => _process is { HasExited: false };

    public static async Task<SmtpSink> StartNewAsync(params IEnumerable<string> rejectedRecipients)
    {
        var sink = new SmtpSink(rejectedRecipients);
        try
        {
            await sink.StartAsync();
            return sink;
        }
        catch
        {
            await sink.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server, or starts it again on the same port after <see cref="StopAsync"/>.</summary>
    public async Task StartAsync()
    {
        if (IsRunning)
        {
            return;
        }

        List<string> arguments =
        [
            RepositoryRoot.Combine("tests", "smtp", "smtp_sink.py"),
            "--port", Port.ToString(CultureInfo.InvariantCulture),
            "--dir", MailDirectory,
            "--exit-on-stdin-eof",
        ];
        foreach (var address in _rejectedRecipients)
        {
            arguments.AddRange(["--reject", address]);
        }

        _process = await SmtpSinkProcess.StartAsync(arguments, ReadyTimeout);
    }

    /// <summary>Stops the server: connections to <see cref="Port"/> are refused until <see cref="StartAsync"/>.</summary>
    public async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        await _process.StopAsync(StopTimeout);
        _process = null;
    }

    /// <summary>The messages received so far, oldest first.</summary>
    public IReadOnlyList<ReceivedMail> ReceivedMessages() =>
        [.. Directory.EnumerateFiles(MailDirectory, "*.eml").Order(MailFileOrder.Instance).Select(ReceivedMail.Load)];

    /// <summary>Waits until at least <paramref name="count"/> messages arrived and returns them all, oldest first.</summary>
    public async Task<IReadOnlyList<ReceivedMail>> WaitForMessagesAsync(int count, TimeSpan timeout)
    {
        var clock = Stopwatch.StartNew();
        while (true)
        {
            var messages = ReceivedMessages();
            if (messages.Count >= count)
            {
                return messages;
            }

            if (clock.Elapsed > timeout)
            {
                throw new TimeoutException(
                    $"The SMTP sink on {Host}:{Port} received {messages.Count} message(s) in {timeout.TotalSeconds:0.#} s; expected {count}.");
            }

            await Task.Delay(50);
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        try
        {
            Directory.Delete(MailDirectory, recursive: true);
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless; a failing dispose would hide the test's own result.
        }
    }
}
