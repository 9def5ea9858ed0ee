using System.Net;
using System.Net.Sockets;

namespace Crawler.Fetching.Safety;

/// <summary>
/// Refuses addresses inside private, loopback, link-local, multicast and reserved ranges (IPv4 and IPv6),
/// so a posted link cannot make the service reach its own network; configured networks are exempt.
/// </summary>
public sealed class AddressPolicy
{
    private static readonly IPNetwork[] Forbidden =
    [
        IPNetwork.Parse("0.0.0.0/8"),
        IPNetwork.Parse("10.0.0.0/8"),
        IPNetwork.Parse("100.64.0.0/10"),
        IPNetwork.Parse("127.0.0.0/8"),
        IPNetwork.Parse("169.254.0.0/16"),
        IPNetwork.Parse("172.16.0.0/12"),
        IPNetwork.Parse("192.0.0.0/24"),
        IPNetwork.Parse("192.0.2.0/24"),
        IPNetwork.Parse("192.88.99.0/24"),
        IPNetwork.Parse("192.168.0.0/16"),
        IPNetwork.Parse("198.18.0.0/15"),
        IPNetwork.Parse("198.51.100.0/24"),
        IPNetwork.Parse("203.0.113.0/24"),
        IPNetwork.Parse("224.0.0.0/4"),
        IPNetwork.Parse("240.0.0.0/4"),
        IPNetwork.Parse("::/128"),
        IPNetwork.Parse("::1/128"),
        IPNetwork.Parse("64:ff9b:1::/48"),
        IPNetwork.Parse("100::/64"),
        IPNetwork.Parse("2001::/23"),
        IPNetwork.Parse("2001:db8::/32"),
        IPNetwork.Parse("fc00::/7"),
        IPNetwork.Parse("fe80::/10"),
        IPNetwork.Parse("fec0::/10"),
        IPNetwork.Parse("ff00::/8"),
    ];

    private readonly IPNetwork[] _allowed;

    public AddressPolicy(IEnumerable<string> allowedNetworks)
    {
        _allowed = allowedNetworks.Select(IPNetwork.Parse).ToArray();
    }

    public bool IsAllowed(IPAddress address)
    {
        var plain = address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address;
        if (_allowed.Any(n => n.Contains(plain)))
        {
            return true;
        }
        // NAT64 and 6to4 embed an IPv4 address; judge it as if it were used directly.
        if (plain.AddressFamily == AddressFamily.InterNetworkV6 && EmbeddedIPv4(plain) is { } embedded && !IsAllowed(embedded))
        {
            return false;
        }
        return !Forbidden.Any(n => n.Contains(plain));
    }

    private static IPAddress? EmbeddedIPv4(IPAddress v6)
    {
        var bytes = v6.GetAddressBytes();
        if (IPNetwork.Parse("64:ff9b::/96").Contains(v6))
        {
            return new IPAddress(bytes[12..16]);
        }
        return IPNetwork.Parse("2002::/16").Contains(v6) ? new IPAddress(bytes[2..6]) : null;
    }
}
