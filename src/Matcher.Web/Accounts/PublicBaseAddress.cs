using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Matcher.Web.Accounts;

/// <summary>
/// Builds absolute links to this app from the configured public address. When none is configured, the first
/// address the server listens on is used (a wildcard such as <c>http://0.0.0.0:8080</c> becomes
/// <c>http://localhost:8080</c>), so a forged Host header can never send a reset code to someone else's site.
/// </summary>
public sealed class PublicBaseAddress(IOptions<PublicAddressOptions> options, IServer server, ILogger<PublicBaseAddress> logger)
{
    private Uri? _base;

    public Uri Base => _base ??= Resolve();

    /// <summary>An absolute link to <paramref name="pathAndQuery"/> (e.g. <c>/account/reset-password?code=…</c>).</summary>
    public string Link(string pathAndQuery) => new Uri(Base, pathAndQuery.TrimStart('/')).AbsoluteUri;

    private Uri Resolve()
    {
        if (!string.IsNullOrWhiteSpace(options.Value.PublicBaseAddress))
            return WithSlash(new Uri(options.Value.PublicBaseAddress.Trim(), UriKind.Absolute));

        var listening = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var first = listening.Select(Listening).FirstOrDefault(u => u is not null) ?? new Uri("http://localhost/");
        logger.LogWarning("Matcher:PublicBaseAddress is not set, so links in mails start with {Address}. Set it to the address people open, e.g. https://matcher.example.org/.", first);
        return first;
    }

    private static Uri? Listening(string address)
    {
        // Kestrel spells "any address" as *, +, 0.0.0.0 or [::]; a link needs a name, and this machine answers to localhost.
        var normalised = address.Replace("://*", "://localhost", StringComparison.Ordinal).Replace("://+", "://localhost", StringComparison.Ordinal)
            .Replace("://0.0.0.0", "://localhost", StringComparison.Ordinal).Replace("://[::]", "://localhost", StringComparison.Ordinal);
        return Uri.TryCreate(normalised, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" ? WithSlash(uri) : null;
    }

    private static Uri WithSlash(Uri uri) => uri.AbsoluteUri.EndsWith('/') ? uri : new Uri(uri.AbsoluteUri + "/");

    /// <summary>The configured address must be an absolute http or https address.</summary>
    internal static bool IsValid(PublicAddressOptions o) =>
        string.IsNullOrWhiteSpace(o.PublicBaseAddress)
        || (Uri.TryCreate(o.PublicBaseAddress.Trim(), UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query) && string.IsNullOrEmpty(uri.Fragment));
}
