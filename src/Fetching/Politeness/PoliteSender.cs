using Crawler.Fetching.Transport;

namespace Crawler.Fetching.Politeness;

/// <summary>Sends one exchange in its host's turn and lets the host's gate learn from the answer.</summary>
public sealed class PoliteSender(HostPoliteness hosts, HttpTransport transport)
{
    public async Task<ExchangeResult> SendAsync(HttpExchange exchange, CancellationToken ct)
    {
        using var slot = await hosts.EnterAsync(exchange.Url, ct);
        var result = await transport.SendAsync(exchange, ct);
        hosts.Observe(exchange.Url, result);
        return result;
    }
}
