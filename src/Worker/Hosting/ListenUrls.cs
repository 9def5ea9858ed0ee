using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Http;

namespace Crawler.Worker.Hosting;

/// <summary>
/// The addresses the service listens on (<c>--urls</c> or the <c>Urls</c> setting, several separated by ';'),
/// checked before the web server starts, so a typo or a taken port is one clear line rather than a trace.
/// </summary>
public static class ListenUrls
{
    /// <returns>Why <paramref name="urls"/> cannot be listened on as written; null when every address is well-formed.</returns>
    public static string? Problem(string urls)
    {
        foreach (var url in Split(urls))
        {
            if (Parse(url) is not { } address || address.Scheme is not ("http" or "https") || address.Host.Length == 0 || address.Port is < 0 or > 65535)
            {
                return $"'{url}' is not an address to listen on; give http:// or https://, a host and a port, e.g. http://127.0.0.1:5080";
            }
        }
        return null;
    }

    /// <returns>Which address another process already listens on; null when all are free, as far as a trial bind can tell.</returns>
    public static string? InUse(string urls)
    {
        foreach (var url in Split(urls))
        {
            if (Parse(url) is not { IsUnixPipe: false, Port: > 0 } address)
            {
                continue;
            }
            var ip = address.Host is "localhost" ? IPAddress.Loopback : IPAddress.TryParse(address.Host.Trim('[', ']'), out var given) ? given : IPAddress.Any;
            try
            {
                using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
                // As Kestrel binds: connections of a stopped predecessor left in TIME_WAIT do not count, a listener does.
                socket.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
                socket.Bind(new IPEndPoint(ip, address.Port));
                socket.Listen();
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
            {
                return $"cannot listen on {url}: the port is in use by another process; stop it, or give this one another port with --urls";
            }
        }
        return null;
    }

    private static string[] Split(string urls) => urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static BindingAddress? Parse(string url)
    {
        try
        {
            return BindingAddress.Parse(url);
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
