using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>
/// Behind the production reverse proxy (infra/production) TLS ends at the proxy: the app learns the scheme and the
/// client's address from X-Forwarded-Proto and X-Forwarded-For, sent by a known proxy. That makes cookies Secure and
/// HSTS sent on HTTPS requests, and gives the rate limits the real client address instead of the proxy's.
/// X-Forwarded-Host is not applied: the proxy passes the Host header through, and a forged host must not reach links.
/// </summary>
public static class ReverseProxyExtensions
{
    public static IHostApplicationBuilder AddReverseProxy(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReverseProxyOptions>().BindConfiguration(ReverseProxyOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<ReverseProxyOptions>, ReverseProxyOptionsValidator>();
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<ReverseProxyOptions>>((forwarded, proxy) =>
        {
            forwarded.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // One proxy in front: only the last hop it added is believed.
            forwarded.ForwardLimit = 1;
            // Replace the framework's defaults, so the setting is the whole list of trusted addresses.
            forwarded.KnownProxies.Clear();
            forwarded.KnownIPNetworks.Clear();
            foreach (var address in proxy.Value.ParseProxies())
            {
                forwarded.KnownProxies.Add(address);
            }

            foreach (var network in proxy.Value.ParseNetworks())
            {
                forwarded.KnownIPNetworks.Add(network);
            }
        });
        return builder;
    }
}
