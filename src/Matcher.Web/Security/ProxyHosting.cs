using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Matcher.Web.Security;

public static class ProxyHosting
{
    public static IServiceCollection AddMatcherProxy(this IServiceCollection services, IConfiguration configuration)
    {
        var proxy = configuration.GetSection(ProxyOptions.Section).Get<ProxyOptions>() ?? new ProxyOptions();
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var address in proxy.KnownProxies)
                options.KnownProxies.Add(IPAddress.TryParse(address, out var parsed) ? parsed
                    : throw new InvalidOperationException($"Matcher:Proxy:KnownProxies holds '{address}', which is not an IP address."));
            foreach (var network in proxy.KnownNetworks)
                options.KnownIPNetworks.Add(System.Net.IPNetwork.TryParse(network, out var parsed) ? parsed
                    : throw new InvalidOperationException($"Matcher:Proxy:KnownNetworks holds '{network}', which is not a network such as 10.0.0.0/8."));
        });
        return services;
    }

    /// <summary>First in the pipeline, so everything after sees the client's scheme and address.</summary>
    public static WebApplication UseMatcherProxy(this WebApplication app)
    {
        if (app.Configuration.GetValue<bool>($"{ProxyOptions.Section}:{nameof(ProxyOptions.ForwardedHeaders)}"))
            app.UseForwardedHeaders();
        return app;
    }
}
