using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Options;

namespace Crawler.Fetching.Safety;

/// <summary>
/// Opens every TCP connection the fetcher makes: resolves the name itself, applies host overrides, and
/// refuses forbidden addresses before a socket exists. Because it runs per connection, redirects and
/// DNS answers that change between requests are checked too.
/// </summary>
public sealed class GuardedConnector(IHostResolver resolver, ISocketConnector sockets, IOptions<FetchOptions> options)
{
    private readonly AddressPolicy _policy = new(options.Value.AllowedNetworks);

    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken ct)
    {
        var endpoints = await AllowedEndpointsAsync(context.DnsEndPoint.Host, context.DnsEndPoint.Port, ct);
        Exception? last = null;
        foreach (var endpoint in endpoints)
        {
            try
            {
                return await sockets.ConnectAsync(endpoint, ct);
            }
            catch (SocketException e)
            {
                // The next address of a multi-homed name may answer.
                last = e;
            }
        }
        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    /// <summary>The addresses a connection to <paramref name="host"/> may use, in resolver order.</summary>
    /// <exception cref="AddressRefusedException">All of them are forbidden.</exception>
    public async Task<IReadOnlyList<IPEndPoint>> AllowedEndpointsAsync(string host, int port, CancellationToken ct)
    {
        if (options.Value.HostOverrides.TryGetValue(host, out var target))
        {
            var endpoint = IPEndPoint.Parse(target);
            return Allowed(host, [endpoint.Address]).Select(a => new IPEndPoint(a, endpoint.Port)).ToList();
        }
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await resolver.ResolveAsync(host, ct);
        return Allowed(host, addresses).Select(a => new IPEndPoint(a, port)).ToList();
    }

    private List<IPAddress> Allowed(string host, IPAddress[] addresses)
    {
        var allowed = addresses.Where(_policy.IsAllowed).ToList();
        if (allowed.Count == 0)
        {
            var shown = string.Join(", ", addresses.Select(a => a.ToString()));
            throw new AddressRefusedException(string.Create(CultureInfo.InvariantCulture,
                $"refused: {host} resolves to {(shown.Length > 0 ? shown : "no address")}, inside a private, loopback or reserved network"));
        }
        return allowed;
    }
}
