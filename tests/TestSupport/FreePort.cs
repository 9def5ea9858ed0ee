using System.Net;
using System.Net.Sockets;

namespace Crawler.TestSupport;

/// <summary>A loopback port nothing listens on right now, for a process the test starts to bind.</summary>
public static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
