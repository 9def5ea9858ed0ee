using System.Net;

namespace Crawler.Fetching.Safety;

/// <summary>
/// Opens a TCP stream to one address the guard has already approved. The seam exists so tests can put a
/// connector there that refuses, by construction, anything but 127.0.0.1 and records what it was asked.
/// </summary>
public interface ISocketConnector
{
    ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct);
}
