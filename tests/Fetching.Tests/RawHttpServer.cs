using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Crawler.Fetching.Tests;

/// <summary>
/// A TCP server on 127.0.0.1 that writes whatever bytes a test gives it and then closes its side cleanly:
/// for answers no well-behaved HTTP server would give, such as a body shorter than its Content-Length.
/// </summary>
internal sealed class RawHttpServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public RawHttpServer(byte[] answer)
    {
        _listener.Start();
        _loop = ServeAsync(answer);
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    public static byte[] Answer(string head, byte[] body) => [.. Encoding.ASCII.GetBytes(head.ReplaceLineEndings("\r\n") + "\r\n"), .. body];

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _loop;
        }
        catch (OperationCanceledException)
        {
            // Stopped while waiting for a connection, as intended.
        }
        _stop.Dispose();
    }

    private async Task ServeAsync(byte[] answer)
    {
        while (!_stop.IsCancellationRequested)
        {
            using var client = await _listener.AcceptTcpClientAsync(_stop.Token);
            var stream = client.GetStream();
            await ReadHeadAsync(stream);
            await stream.WriteAsync(answer, _stop.Token);
            client.Client.Shutdown(SocketShutdown.Send);
        }
    }

    private async Task ReadHeadAsync(NetworkStream stream)
    {
        var seen = new List<byte>();
        var one = new byte[1];
        while (!seen.TakeLast(4).SequenceEqual("\r\n\r\n"u8.ToArray()) && await stream.ReadAsync(one, _stop.Token) == 1)
        {
            seen.Add(one[0]);
        }
    }
}
