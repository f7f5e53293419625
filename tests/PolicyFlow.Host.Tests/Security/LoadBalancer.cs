using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace PolicyFlow.Host.Tests.Security;

/// <summary>
/// A layer-4 load balancer reduced to what the several-hosts test needs: one loopback address whose every new TCP
/// connection is piped to the host chosen at that moment. It reads no HTTP, so the Studio's WebSocket passes as through any
/// balancer; it is not sticky; and when a host dies, the connections piped to it end, as the browser would see them end.
/// </summary>
internal sealed class LoadBalancer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentDictionary<Uri, int> _connections = new();
    private readonly Task _accepting;
    private Uri _backend;

    public LoadBalancer(Uri backend)
    {
        _backend = backend;
        _listener.Start();
        Address = new Uri($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}");
        _accepting = AcceptAsync();
    }

    /// <summary>The address the browser is given; the hosts' own addresses stay hidden behind it.</summary>
    public Uri Address { get; }

    /// <summary>Sends every connection opened from now on to <paramref name="backend"/> (a health check taking a host out).</summary>
    public void SendTo(Uri backend) => Volatile.Write(ref _backend, backend);

    /// <summary>How many connections have been piped to <paramref name="backend"/>.</summary>
    public int ConnectionsTo(Uri backend) => _connections.GetValueOrDefault(backend);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            _ = PipeAsync(client, Volatile.Read(ref _backend));
        }
    }

    private async Task PipeAsync(TcpClient client, Uri backend)
    {
        using var accepted = client;
        using var server = new TcpClient();
        try
        {
            await server.ConnectAsync(backend.Host, backend.Port, _stop.Token);
            _connections.AddOrUpdate(backend, 1, (_, n) => n + 1);
            var browser = accepted.GetStream();
            var host = server.GetStream();
            // Either side ending ends both: a dead host's connections are dropped, not left hanging.
            await Task.WhenAny(browser.CopyToAsync(host, _stop.Token), host.CopyToAsync(browser, _stop.Token));
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // The host is down or the connection was cut: the browser sees the connection close, and retries.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}
