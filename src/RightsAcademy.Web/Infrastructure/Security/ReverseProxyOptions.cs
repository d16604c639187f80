using System.Net;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Infrastructure.Security;

/// <summary>
/// Section <c>ReverseProxy</c>: the addresses whose <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> headers are
/// believed. Anyone can send those headers; only a request whose connection comes from one of these addresses has
/// them applied, so a client cannot claim HTTPS or another address by itself.
/// </summary>
public sealed class ReverseProxyOptions
{
    public const string Section = "ReverseProxy";

    /// <summary>Proxy addresses, separated by commas (e.g. <c>10.0.0.5, 10.0.0.6</c>). Default: this machine.</summary>
    public string KnownProxies { get; set; } = "127.0.0.1, ::1";

    /// <summary>Proxy networks in CIDR notation, separated by commas (e.g. <c>10.0.0.0/24</c>). Default: none.</summary>
    public string KnownNetworks { get; set; } = "";

    public IReadOnlyList<IPAddress> ParseProxies() =>
        [.. Split(KnownProxies).Select(p => IPAddress.TryParse(p, out var address) ? address
            : throw new FormatException($"Setting ReverseProxy:KnownProxies: \"{p}\" is not an IP address."))];

    public IReadOnlyList<IPNetwork> ParseNetworks() =>
        [.. Split(KnownNetworks).Select(n => IPNetwork.TryParse(n, out var network) ? network
            : throw new FormatException($"Setting ReverseProxy:KnownNetworks: \"{n}\" is not a network in CIDR notation such as 10.0.0.0/24."))];

    private static string[] Split(string? list) =>
        (list ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
}

/// <summary>A mistyped proxy address must stop the app at start, not silently trust nobody (or everybody).</summary>
internal sealed class ReverseProxyOptionsValidator : IValidateOptions<ReverseProxyOptions>
{
    public ValidateOptionsResult Validate(string? name, ReverseProxyOptions options)
    {
        var failures = new List<string>();
        foreach (var parse in new Action[] { () => options.ParseProxies(), () => options.ParseNetworks() })
        {
            try
            {
                parse();
            }
            catch (FormatException ex)
            {
                failures.Add(ex.Message);
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
