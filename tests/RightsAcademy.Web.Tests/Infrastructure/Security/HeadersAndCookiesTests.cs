using System.Net;
using System.Text.RegularExpressions;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure.Security;

public sealed partial class HeadersAndCookiesTests(AppFixture app) : IClassFixture<AppFixture>
{
    // Not localhost: HSTS is never sent to localhost.
    private static readonly Uri Https = new("https://academy.example.org");

    [Fact]
    public async Task Every_cookie_is_http_only_same_site_lax_and_secure_under_https()
    {
        await app.Factory.CreateUserAsync("cookie-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient(Https);
        var cookies = new List<string>();

        async Task Collect(Task<HttpResponseMessage> request)
        {
            var response = await request;
            cookies.AddRange(response.Headers.TryGetValues("Set-Cookie", out var values) ? values : []);
        }

        await Collect(client.GetAsync("/account/sign-in"));
        await Collect(client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "cookie-admin@example.org"), ("Password", RightsAcademyFactory.Password)));
        await Collect(client.PostFormAsync("/account/sign-in/two-factor", "/account/sign-in/two-factor",
            ("Code", await Totp.NextCodeAsync(app.Factory.AuthenticatorKeys["cookie-admin@example.org"]))));
        await Collect(client.PostFormAsync("/dashboard", "/language", ("culture", "fr"), ("returnUrl", "/dashboard")));
        await Collect(client.GetAsync("/dashboard"));

        var names = cookies.Select(c => c.Split('=')[0]).Distinct().ToList();
        Assert.Contains("ra.auth", names);
        Assert.Contains("ra.xsrf", names);
        Assert.Contains("Identity.TwoFactorUserId", names);
        Assert.Contains(".AspNetCore.Culture", names);
        foreach (var cookie in cookies)
        {
            var attributes = cookie.Split(';').Skip(1).Select(a => a.Trim().ToLowerInvariant()).ToList();
            Assert.True(attributes.Contains("httponly"), $"not HttpOnly: {cookie}");
            Assert.True(attributes.Contains("secure"), $"not Secure under HTTPS: {cookie}");
            Assert.True(attributes.Contains("samesite=lax") || attributes.Contains("samesite=strict"), $"not SameSite=Lax: {cookie}");
        }
    }

    [Fact]
    public async Task The_sign_in_cookie_is_not_marked_secure_over_plain_http_so_a_local_site_works()
    {
        await app.Factory.CreateUserAsync("cookie-http@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "cookie-http@example.org"), ("Password", RightsAcademyFactory.Password));

        var auth = response.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith("ra.auth=", StringComparison.Ordinal));
        Assert.DoesNotContain("secure", auth, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", auth, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Every_page_sends_the_security_headers_and_hsts_under_https_and_has_no_inline_script()
    {
        await app.Factory.CreateUserAsync("headers-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var anonymous = app.Factory.CreateFormClient(Https);
        using var admin = app.Factory.CreateFormClient(Https);
        await admin.SignInAsync("headers-admin@example.org");
        var pages = Endpoints.All(app.Factory)
            .Where(e => Endpoints.Methods(e).Contains("GET") && e.RoutePattern.Parameters.Count == 0)
            .Select(Endpoints.Path).Distinct().ToList();
        Assert.Contains("/account/sign-in", pages);

        var checkedHtml = 0;
        foreach (var client in new[] { anonymous, admin })
        {
            foreach (var page in pages.Append("/no-such-page"))
            {
                var response = await client.GetAsync(page);
                // The error page itself answers with the status it describes.
                Assert.True((int)response.StatusCode < 500 || page == "/error", $"{page} answered {(int)response.StatusCode}");
                var csp = response.Headers.GetValues("Content-Security-Policy").Single();
                foreach (var directive in new[] { "object-src 'none'", "base-uri 'none'", "frame-ancestors 'none'", "script-src 'self'" })
                {
                    Assert.True(csp.Contains(directive, StringComparison.Ordinal), $"{page}: CSP without {directive}: {csp}");
                }

                Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
                Assert.Equal("strict-origin-when-cross-origin", response.Headers.GetValues("Referrer-Policy").Single());
                var hsts = response.Headers.GetValues("Strict-Transport-Security").Single();
                Assert.Matches("max-age=(3153[0-9]{4}|[4-9][0-9]{7})", hsts);

                if (response.StatusCode == HttpStatusCode.OK && response.Content.Headers.ContentType?.MediaType == "text/html")
                {
                    Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
                    var html = await response.Content.ReadAsStringAsync();
                    Assert.False(InlineScript().IsMatch(html), $"{page} has an inline script");
                    Assert.False(EventHandler().IsMatch(html), $"{page} has an inline event handler");
                    Assert.False(StyleAttribute().IsMatch(html), $"{page} has an inline style (blocked by the CSP)");
                    checkedHtml++;
                }
            }
        }

        Assert.True(checkedHtml > pages.Count / 2, $"only {checkedHtml} HTML pages were checked");
    }

    [Fact]
    public async Task No_hsts_over_plain_http()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.GetAsync("/account/sign-in");

        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [GeneratedRegex(@"<script(?![^>]*\ssrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"<[a-z][^>]*\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex EventHandler();

    [GeneratedRegex(@"<[a-z][^>]*\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex StyleAttribute();
}
