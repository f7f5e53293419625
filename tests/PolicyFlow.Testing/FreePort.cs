using System.Net;
using System.Net.Sockets;

namespace PolicyFlow.Testing;

/// <summary>Hands out loopback TCP ports that nothing is listening on right now.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
