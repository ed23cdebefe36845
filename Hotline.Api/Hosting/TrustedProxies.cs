using Microsoft.AspNetCore.HttpOverrides;

namespace Hotline.Api.Hosting;

/// <summary>
/// Behind the TLS-terminating nginx of <c>infra/</c>, the connection's address is nginx's and its scheme http. From a
/// trusted proxy (<see cref="ProxyOptions"/>) the forwarded headers restore the client's address, which the audit trail
/// records and the sign-in rate limit counts by, and the scheme. From anyone else they change nothing.
/// </summary>
public static class TrustedProxies
{
    public static IServiceCollection AddTrustedProxies(this IServiceCollection services)
    {
        services.AddValidatedOptions<ProxyOptions, ProxyOptionsValidator>(ProxyOptions.Section);
        services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // The framework trusts loopback unless told otherwise: only the configured proxies are.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.Proxies)
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.Networks)
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return services;
    }

    /// <summary>First in the pipeline, so every later step (rate limits, audit, cookies) sees the client as the proxy saw it.</summary>
    public static WebApplication UseTrustedProxies(this WebApplication app)
    {
        // With no proxy listed the middleware would believe every caller: it is left out instead.
        if (app.Services.GetRequiredService<IOptions<ProxyOptions>>().Value.AnyTrusted)
        {
            app.UseForwardedHeaders();
        }

        return app;
    }
}
