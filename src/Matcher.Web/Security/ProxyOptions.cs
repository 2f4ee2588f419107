namespace Matcher.Web.Security;

/// <summary>Running behind a reverse proxy that ends TLS. Bound from <c>Matcher:Proxy</c>.</summary>
public sealed class ProxyOptions
{
    public const string Section = "Matcher:Proxy";

    /// <summary>
    /// Believe the proxy's X-Forwarded-For and X-Forwarded-Proto, so the app sees the client's address (for the
    /// sign-in rate limit) and that the request came over HTTPS (for Secure cookies and HSTS). Off by default:
    /// without a proxy in front, anyone could send these headers.
    /// </summary>
    public bool ForwardedHeaders { get; set; }

    /// <summary>Addresses of the proxies whose headers are believed; empty means a proxy on this machine (loopback).</summary>
    public string[] KnownProxies { get; set; } = [];

    /// <summary>Networks of such proxies in CIDR form, e.g. <c>10.0.0.0/8</c> for a container network.</summary>
    public string[] KnownNetworks { get; set; } = [];
}
