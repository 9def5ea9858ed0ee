using System.Collections.Concurrent;
using System.Net;
using Crawler.Fetching.Safety;

namespace Crawler.TestSupport.Fetching;

/// <summary>
/// The tests' socket connector: it records every address it is asked to connect to and, by construction,
/// refuses any but 127.0.0.1, so no test can send a packet elsewhere even if the guard failed.
/// </summary>
public sealed class LoopbackOnlyConnector(ISocketConnector real) : ISocketConnector
{
    public ConcurrentQueue<IPEndPoint> Attempts { get; } = new();

    public ValueTask<Stream> ConnectAsync(IPEndPoint endpoint, CancellationToken ct)
    {
        Attempts.Enqueue(endpoint);
        if (!endpoint.Address.Equals(IPAddress.Loopback))
        {
            throw new InvalidOperationException($"test connector: {endpoint} is not 127.0.0.1; the address guard should have refused it");
        }
        return real.ConnectAsync(endpoint, ct);
    }
}
