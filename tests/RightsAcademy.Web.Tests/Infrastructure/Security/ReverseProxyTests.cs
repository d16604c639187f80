using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

/// <summary>
/// TLS ends at the reverse proxy (infra/production): the app must believe X-Forwarded-Proto and X-Forwarded-For from
/// the proxy, and from nobody else. Requests are sent with an explicit connection address, as Kestrel would see it.
/// </summary>
public sealed class ReverseProxyTests(AppFixture app) : IClassFixture<AppFixture>
{
    private static readonly IPAddress Loopback = IPAddress.Loopback;
    private static readonly IPAddress Stranger = IPAddress.Parse("203.0.113.7");

    [Fact]
    public async Task A_request_forwarded_as_https_by_the_local_proxy_gets_hsts_and_secure_cookies_and_the_client_address()
    {
        var context = await SendAsync(app.Factory.Server, Loopback);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.Matches("max-age=31536000", context.Response.Headers.StrictTransportSecurity.ToString());
        var xsrf = XsrfCookie(context);
        Assert.Contains("secure", xsrf, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("https", context.Request.Scheme);
        Assert.Equal(IPAddress.Parse("198.51.100.23"), context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_unknown_address_are_ignored()
    {
        var context = await SendAsync(app.Factory.Server, Stranger);

        Assert.Equal(StatusCodes.Status200OK, context.Response.StatusCode);
        Assert.False(context.Response.Headers.ContainsKey("Strict-Transport-Security"));
        Assert.DoesNotContain("secure", XsrfCookie(context), StringComparison.OrdinalIgnoreCase);
        Assert.Equal("http", context.Request.Scheme);
        Assert.Equal(Stranger, context.Connection.RemoteIpAddress);
    }

    [Fact]
    public async Task The_trusted_proxies_come_from_the_settings_and_then_loopback_is_no_longer_trusted()
    {
        using var configured = app.Factory.WithWebHostBuilder(b =>
        {
            b.UseSetting("ReverseProxy:KnownProxies", "192.0.2.10");
            b.UseSetting("ReverseProxy:KnownNetworks", "10.20.0.0/16");
        });

        foreach (var proxy in new[] { "192.0.2.10", "10.20.3.4" })
        {
            var trusted = await SendAsync(configured.Server, IPAddress.Parse(proxy));
            Assert.Equal("https", trusted.Request.Scheme);
            Assert.True(trusted.Response.Headers.ContainsKey("Strict-Transport-Security"), $"{proxy} should be trusted");
        }

        foreach (var other in new[] { Loopback, Stranger, IPAddress.Parse("10.21.0.1") })
        {
            var ignored = await SendAsync(configured.Server, other);
            Assert.Equal("http", ignored.Request.Scheme);
            Assert.False(ignored.Response.Headers.ContainsKey("Strict-Transport-Security"), $"{other} should not be trusted");
        }
    }

    private static async Task<HttpContext> SendAsync(TestServer server, IPAddress from) =>
        await server.SendAsync(context =>
        {
            context.Connection.RemoteIpAddress = from;
            context.Request.Method = HttpMethods.Get;
            context.Request.Scheme = "http";
            // Not localhost: HSTS is never sent to localhost.
            context.Request.Host = new HostString("academy.example.org");
            context.Request.Path = "/account/sign-in";
            context.Request.Headers["X-Forwarded-Proto"] = "https";
            context.Request.Headers["X-Forwarded-For"] = "198.51.100.23";
        });

    private static string XsrfCookie(HttpContext context) =>
        context.Response.Headers.SetCookie.Select(c => c ?? "").Single(c => c.StartsWith("ra.xsrf=", StringComparison.Ordinal));
}
