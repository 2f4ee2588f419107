namespace Matcher.Web.Security;

/// <summary>
/// Response headers that keep the browser from running anything the app did not ship as a file, from
/// framing the app and from sending the page address elsewhere. They go on every response, pages,
/// static files and downloads alike, so a downloaded report cannot be sniffed into a script either.
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// Scripts only as files from this origin: no inline script, no inline event handler, no eval.
    /// Inline styles stay allowed because MudBlazor writes style attributes and its theme as a style element.
    /// 'self' in connect-src also covers the circuit's WebSocket (ws/wss on the same host and port).
    /// </summary>
    public const string ContentSecurityPolicy =
        "default-src 'self'; " +
        "script-src 'self'; " +
        "style-src 'self' 'unsafe-inline'; " +
        "img-src 'self' data:; " +
        "font-src 'self' data:; " +
        "connect-src 'self'; " +
        "object-src 'none'; " +
        "base-uri 'self'; " +
        "frame-ancestors 'none'; " +
        "form-action 'self'";

    public static readonly IReadOnlyDictionary<string, string> All = new Dictionary<string, string>
    {
        ["Content-Security-Policy"] = ContentSecurityPolicy,
        ["X-Content-Type-Options"] = "nosniff",
        ["Referrer-Policy"] = "no-referrer",
        ["X-Frame-Options"] = "DENY",
        ["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()",
        ["Cross-Origin-Opener-Policy"] = "same-origin",
    };

    /// <summary>
    /// Adds the headers just before each response starts. Setting them then, rather than on the way in,
    /// keeps them on responses whose headers were cleared on the way out (an error page written after a failure).
    /// </summary>
    public static IApplicationBuilder UseMatcherSecurityHeaders(this IApplicationBuilder app) =>
        app.Use(static (context, next) =>
        {
            context.Response.OnStarting(static state =>
            {
                var headers = ((HttpResponse)state).Headers;
                foreach (var (name, value) in All)
                    headers[name] = value;
                return Task.CompletedTask;
            }, context.Response);
            return next(context);
        });
}
