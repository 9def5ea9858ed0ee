using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Crawler.Fetching.Safety;

namespace Crawler.TestSupport.Fetching;

/// <summary>Names the tests made up, resolved from a table; an answer can change between lookups (DNS rebinding).</summary>
public sealed class FakeResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, ConcurrentQueue<IPAddress[]>> _answers = new(StringComparer.OrdinalIgnoreCase);

    public ConcurrentQueue<string> Lookups { get; } = new();

    /// <summary>Answers <paramref name="host"/> with each of <paramref name="answers"/> in turn, the last one for ever after.</summary>
    public FakeResolver Map(string host, params string[] answers)
    {
        _answers[host] = new ConcurrentQueue<IPAddress[]>(answers.Select(a => new[] { IPAddress.Parse(a) }));
        return this;
    }

    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct)
    {
        Lookups.Enqueue(host);
        if (!_answers.TryGetValue(host, out var queue) || !queue.TryPeek(out var answer))
        {
            throw new SocketException((int)SocketError.HostNotFound);
        }
        if (queue.Count > 1)
        {
            queue.TryDequeue(out _);
        }
        return Task.FromResult(answer);
    }
}
