using System.Net;
using System.Net.Sockets;

namespace Crawler.Fetching.Safety;

/// <summary>The real connector: a plain TCP socket with Nagle off (requests are small and latency matters).</summary>
public sealed class TcpSocketConnector : ISocketConnector
{
    public async ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            await socket.ConnectAsync(endpoint, ct);
            return new NetworkStream(socket, ownsSocket: true);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }
}
