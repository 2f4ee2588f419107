using System.Net;
using System.Net.Sockets;

namespace Matcher.Web.Services;

/// <summary>Raised when an address the user gave leads to the server's own machine or private network.</summary>
public sealed class PrivateAddressException(string host) : Exception($"{host} resolves to a private or local network address.")
{
    public string Host { get; } = host;
}

/// <summary>
/// Keeps posting downloads on the public internet. The check runs on the address actually connected to,
/// after DNS, so a public name that resolves to a private address (or is re-pointed later) is refused too.
/// </summary>
public static class PublicAddressGuard
{
    public static Func<SocketsHttpConnectionContext, CancellationToken, ValueTask<Stream>> ConnectCallback(bool allowPrivate) =>
        async (context, cancellationToken) =>
        {
            var host = context.DnsEndPoint.Host;
            var addresses = await Dns.GetHostAddressesAsync(host, cancellationToken);
            if (!allowPrivate)
            {
                addresses = addresses.Where(IsPublic).ToArray();
                if (addresses.Length == 0)
                    throw new PrivateAddressException(host);
            }
            var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(addresses, context.DnsEndPoint.Port, cancellationToken);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        };

    public static bool IsPublic(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any))
            return false;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return !(address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6Multicast || address.IsIPv6UniqueLocal);
        var b = address.GetAddressBytes();
        return b[0] switch
        {
            0 or 10 or 127 => false,
            100 => b[1] is < 64 or > 127,          // 100.64.0.0/10 carrier-grade NAT
            169 => b[1] != 254,                     // link-local, where cloud metadata services live
            172 => b[1] is < 16 or > 31,
            192 => b[1] != 168,
            >= 224 => false,                        // multicast and reserved
            _ => true,
        };
    }
}
