using System.Net;

namespace Crawler.Fetching.Safety;

/// <summary>Name resolution, injectable so tests can make a name resolve to a private address without any packet leaving the machine.</summary>
public interface IHostResolver
{
    Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct);
}

/// <summary>The system resolver.</summary>
public sealed class DnsHostResolver : IHostResolver
{
    public Task<IPAddress[]> ResolveAsync(string host, CancellationToken ct) => Dns.GetHostAddressesAsync(host, ct);
}
