using System.Net;
using System.Net.Sockets;

namespace Matcher.Web.Services.Postings;

/// <summary>Raised when an address the user gave leads to the server's own machine or private network.</summary>
public sealed class PrivateAddressException(string host) : Exception($"{host} resolves to a private or local network address.")
{
    public string Host { get; } = host;
}

/// <summary>
/// Keeps posting downloads on the public internet. The check runs on the address actually connected to,
/// after DNS, so a public name that resolves to a private address (or is re-pointed later) is refused too.
/// The machine's own interface addresses are refused as well, whatever range they are in.
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
                var own = OwnAddresses();
                addresses = addresses.Where(a => IsPublic(a, own)).ToArray();
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

    /// <summary>
    /// Ranges that are not the public internet: private, shared (carrier NAT), loopback, link-local (where cloud
    /// metadata services answer), documentation and benchmarking networks, multicast, reserved and "this network".
    /// Some of them route inside data centres, so they are refused like private ones.
    /// </summary>
    private static readonly (IPAddress Network, int Prefix)[] NonPublicRanges =
    [
        .. new[]
        {
            "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
            "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15", "198.51.100.0/24",
            "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
            "::/96", "::ffff:0:0/96", "64:ff9b::/96", "64:ff9b:1::/48", "100::/64", "2001::/23", "2001:db8::/32",
            "2002::/16", "3fff::/20", "fc00::/7", "fe80::/10", "fec0::/10", "ff00::/8",
        }.Select(Parse),
    ];

    private static (IPAddress, int) Parse(string cidr)
    {
        var slash = cidr.IndexOf('/');
        return (IPAddress.Parse(cidr[..slash]), int.Parse(cidr[(slash + 1)..], System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>True when the address is on the public internet and is not one of this machine's own.</summary>
    public static bool IsPublic(IPAddress address, IReadOnlySet<IPAddress> ownAddresses) =>
        IsPublic(address) && !ownAddresses.Contains(Normalise(address));

    public static bool IsPublic(IPAddress address)
    {
        address = Normalise(address);
        return !NonPublicRanges.Any(range => InRange(address, range.Network, range.Prefix));
    }

    /// <summary>
    /// The addresses of this machine's network interfaces. A server with a public address reaches its own services
    /// on it as well as on loopback, so those count as local however public they look.
    /// </summary>
    public static IReadOnlySet<IPAddress> OwnAddresses()
    {
        var own = new HashSet<IPAddress>();
        try
        {
            foreach (var network in System.Net.NetworkInformation.NetworkInterface.GetAllNetworkInterfaces())
                foreach (var unicast in network.GetIPProperties().UnicastAddresses)
                    own.Add(Normalise(unicast.Address));
        }
        catch (System.Net.NetworkInformation.NetworkInformationException)
        {
            // Without the list the ranges still apply; a machine that cannot list its interfaces has no others to add.
        }
        return own;
    }

    // An IPv4 address written as IPv6 (::ffff:10.0.0.1) is the IPv4 address; scope ids do not change the host.
    private static IPAddress Normalise(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
            return address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0)
            return new IPAddress(address.GetAddressBytes());
        return address;
    }

    private static bool InRange(IPAddress address, IPAddress network, int prefix)
    {
        if (address.AddressFamily != network.AddressFamily)
            return false;
        var a = address.GetAddressBytes();
        var n = network.GetAddressBytes();
        var whole = prefix / 8;
        if (!a.AsSpan(0, whole).SequenceEqual(n.AsSpan(0, whole)))
            return false;
        var rest = prefix % 8;
        if (rest == 0)
            return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (a[whole] & mask) == (n[whole] & mask);
    }
}
