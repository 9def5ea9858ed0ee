using System.Net;
using System.Net.Sockets;

namespace Crawler.Bench;

/// <summary>A loopback port nothing listens on right now, for a server the benchmark starts.</summary>
internal static class FreePort
{
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
