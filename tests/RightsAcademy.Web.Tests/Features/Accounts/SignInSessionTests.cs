using System.Net;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

/// <summary>The app on a clock the tests move, so a session's 12 hours and the 30-minute stamp checks can pass.</summary>
public sealed class SessionClockFixture : IAsyncLifetime
{
    private TestDatabase? _database;

    public ManualClock Clock { get; } = new(DateTimeOffset.UtcNow);

    public RightsAcademyFactory Factory { get; private set; } = null!;

    public Guid MunicipalityId { get; private set; }

    public async Task InitializeAsync()
    {
        _database = await TestDatabase.CreateAsync();
        Factory = new RightsAcademyFactory(_database, settings: new Dictionary<string, string?> { ["BackgroundJobs:RunServer"] = "false" })
        {
            TestServices = services => services.AddSingleton<TimeProvider>(Clock),
        };
        MunicipalityId = (await Factory.CreateMunicipalityAsync()).Id;
    }

    public async Task DisposeAsync()
    {
        await Factory.DisposeAsync();
        if (_database is not null)
        {
            await _database.DisposeAsync();
        }
    }
}

/// <summary>
/// The sign-in cookie's ticket is read from a cache once its exact text was decrypted, and the security-stamp check
/// runs only when due: expiry, sliding renewal, a changed stamp and sign-out must reject or renew exactly as before.
/// Each request sends the cookie text by hand, so a test can replay a cookie the browser no longer has.
/// </summary>
public sealed class SignInSessionTests(SessionClockFixture fixture) : IClassFixture<SessionClockFixture>
{
    private RightsAcademyFactory Factory => fixture.Factory;

    private ManualClock Clock => fixture.Clock;

    [Fact]
    public async Task A_cookie_read_from_the_cache_still_expires_after_twelve_hours()
    {
        var cookie = await SignInAsync("expiry@example.org");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", cookie)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", cookie)).StatusCode);
        Assert.True(Factory.Services.GetRequiredService<TicketCache>().Entries.TryGetValue(cookie, out _), "the ticket was not cached");

        Clock.Now += TimeSpan.FromHours(12) + TimeSpan.FromMinutes(1);
        var expired = await GetAsync("/dashboard", cookie);

        AssertSentToSignIn(expired);
    }

    [Fact]
    public async Task A_cookie_past_half_its_life_is_renewed_and_the_new_one_outlives_the_old()
    {
        var first = await SignInAsync("sliding@example.org");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", first)).StatusCode);

        Clock.Now += TimeSpan.FromHours(7);
        var renewal = await GetAsync("/dashboard", first);
        Assert.Equal(HttpStatusCode.OK, renewal.StatusCode);
        var second = AuthCookie(renewal) ?? throw new InvalidOperationException("No renewed sign-in cookie after 7 hours.");
        Assert.NotEqual(first, second);

        Clock.Now += TimeSpan.FromHours(6);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", second)).StatusCode);
        AssertSentToSignIn(await GetAsync("/dashboard", first));
    }

    [Fact]
    public async Task A_changed_security_stamp_ends_the_session_at_the_next_check_and_a_replayed_cookie_stays_rejected()
    {
        var cookie = await SignInAsync("stamp@example.org");
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", cookie)).StatusCode);
        await using (var scope = Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.UpdateSecurityStampAsync((await users.FindByEmailAsync("stamp@example.org"))!);
        }

        // As Identity has always done: the stamp is read again only once the cookie is 30 minutes old.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync("/dashboard", cookie)).StatusCode);
        Clock.Now += TimeSpan.FromMinutes(31);

        var checkedResponse = await GetAsync("/dashboard", cookie);
        AssertSentToSignIn(checkedResponse);
        Assert.Contains(checkedResponse.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ra.auth=;", StringComparison.Ordinal));
        AssertSentToSignIn(await GetAsync("/dashboard", cookie));
        AssertSentToSignIn(await GetAsync("/dashboard", cookie));
    }

    [Fact]
    public async Task An_unchanged_stamp_passes_the_check_and_the_session_goes_on_with_a_renewed_cookie()
    {
        var cookie = await SignInAsync("unchanged@example.org");
        Clock.Now += TimeSpan.FromMinutes(31);

        var response = await GetAsync("/dashboard", cookie);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.NotNull(AuthCookie(response));
    }

    [Fact]
    public async Task After_signing_out_the_browser_is_signed_out()
    {
        await Factory.CreateUserAsync("signout@example.org", Roles.Learner, fixture.MunicipalityId);
        using var client = Factory.CreateFormClient();
        await client.SignInAsync("signout@example.org");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        var signOut = await client.PostFormAsync("/dashboard", "/account/sign-out", Array.Empty<(string, string)>());

        Assert.Equal(HttpStatusCode.Redirect, signOut.StatusCode);
        Assert.Contains(signOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("ra.auth=;", StringComparison.Ordinal));
        AssertSentToSignIn(await client.GetAsync("/dashboard"));
    }

    [Fact]
    public void The_cookie_reads_through_the_cache_and_the_stamp_check_through_the_gate()
    {
        var options = Factory.Services.GetRequiredService<Microsoft.Extensions.Options.IOptionsMonitor<Microsoft.AspNetCore.Authentication.Cookies.CookieAuthenticationOptions>>()
            .Get(IdentityConstants.ApplicationScheme);
        var format = Assert.IsType<CachingTicketDataFormat>(options.TicketDataFormat);
        Assert.IsType<Microsoft.AspNetCore.Authentication.TicketDataFormat>(format.Inner);
        using var scope = Factory.Services.CreateScope();
        Assert.IsType<SecurityStampCheckGate>(scope.ServiceProvider.GetRequiredService<ISecurityStampValidator>());
    }

    /// <summary>Signs in through the form and returns the sign-in cookie's text.</summary>
    private async Task<string> SignInAsync(string email)
    {
        await Factory.CreateUserAsync(email, Roles.Learner, fixture.MunicipalityId);
        using var client = Factory.CreateFormClient();
        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", email), ("Password", RightsAcademyFactory.Password));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        return AuthCookie(response) ?? throw new InvalidOperationException("No sign-in cookie.");
    }

    private async Task<HttpResponseMessage> GetAsync(string path, string cookie)
    {
        using var http = Factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", $"ra.auth={cookie}");
        return await http.SendAsync(request);
    }

    private static string? AuthCookie(HttpResponseMessage response) =>
        response.Headers.TryGetValues("Set-Cookie", out var values)
            ? values.Where(v => v.StartsWith("ra.auth=", StringComparison.Ordinal) && !v.StartsWith("ra.auth=;", StringComparison.Ordinal))
                .Select(v => v["ra.auth=".Length..v.IndexOf(';', StringComparison.Ordinal)]).SingleOrDefault()
            : null;

    private static void AssertSentToSignIn(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/account/sign-in?", response.Headers.Location?.ToString() ?? "", StringComparison.Ordinal);
    }
}
