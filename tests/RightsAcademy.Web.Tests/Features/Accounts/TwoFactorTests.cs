using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Security;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Admin;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed partial class TwoFactorTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_learner_turns_on_two_step_sign_in_with_the_shown_key_then_signs_in_in_two_steps()
    {
        await app.Factory.CreateUserAsync("totp-learner@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("totp-learner@example.org");

        var setup = await client.GetPageAsync("/account/two-factor");
        Assert.Contains("src=\"data:image/svg+xml;base64,", setup, StringComparison.Ordinal);
        var key = SharedKey().Match(setup).Groups[1].Value;
        Assert.Equal(32, key.Replace(" ", "", StringComparison.Ordinal).Length);
        var qr = System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(QrImage().Match(setup).Groups[1].Value));
        Assert.StartsWith("<svg", qr, StringComparison.Ordinal);

        var wrong = await client.PostFormAsync("/account/two-factor", "/account/two-factor", ("Form.Code", WrongCode(key)));
        Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        Assert.Contains("This code is not right", await wrong.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var enabled = await client.PostFormAsync("/account/two-factor", "/account/two-factor", ("Form.Code", await Totp.NextCodeAsync(key)));
        Assert.Equal(HttpStatusCode.OK, enabled.StatusCode);
        var codes = RecoveryCode().Matches(await enabled.Content.ReadAsStringAsync()).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(10, codes.Count);
        Assert.Contains("Recovery codes left: 10.", await client.GetPageAsync("/account/two-factor"), StringComparison.Ordinal);

        using var second = app.Factory.CreateFormClient();
        var password = await second.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "totp-learner@example.org"), ("Password", RightsAcademyFactory.Password), ("ReturnUrl", "/account/profile"));
        Assert.Equal(HttpStatusCode.Redirect, password.StatusCode);
        var step = password.Headers.Location!.OriginalString;
        Assert.StartsWith("/account/sign-in/two-factor", step, StringComparison.Ordinal);
        // The password alone opens nothing.
        Assert.StartsWith("/account/sign-in", (await second.GetAsync("/dashboard")).Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        var bad = await second.PostFormAsync(step, "/account/sign-in/two-factor", ("Code", WrongCode(key)), ("ReturnUrl", "/account/profile"));
        Assert.Equal(HttpStatusCode.OK, bad.StatusCode);
        var good = await second.PostFormAsync(step, "/account/sign-in/two-factor", ("Code", await Totp.NextCodeAsync(key)), ("ReturnUrl", "/account/profile"));
        Assert.Equal(HttpStatusCode.Redirect, good.StatusCode);
        Assert.Equal("/account/profile", good.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task A_recovery_code_signs_in_once()
    {
        await app.Factory.CreateUserAsync("totp-recovery@example.org", Roles.Learner, app.Municipality.Id);
        var key = await app.Factory.EnableTwoFactorAsync("totp-recovery@example.org");
        using var owner = app.Factory.CreateFormClient();
        await owner.SignInAsync("totp-recovery@example.org");
        var page = await owner.PostFormAsync("/account/two-factor", "/account/two-factor/recovery-codes");
        var code = RecoveryCode().Match(await page.Content.ReadAsStringAsync()).Groups[1].Value;
        Assert.NotEmpty(code);
        Assert.NotEmpty(key);

        async Task<HttpResponseMessage> SignInWithRecoveryAsync(FormClient client)
        {
            await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "totp-recovery@example.org"), ("Password", RightsAcademyFactory.Password));
            return await client.PostFormAsync("/account/sign-in/recovery-code", "/account/sign-in/recovery-code", ("RecoveryCode", code));
        }

        using var first = app.Factory.CreateFormClient();
        Assert.Equal(HttpStatusCode.Redirect, (await SignInWithRecoveryAsync(first)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/dashboard")).StatusCode);

        using var reuse = app.Factory.CreateFormClient();
        var refused = await SignInWithRecoveryAsync(reuse);
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("already used", await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_without_two_step_sign_in_is_sent_to_set_it_up_before_any_admin_page_then_gets_them()
    {
        var user = await app.Factory.CreateUserAsync("promoted-admin@example.org", Roles.Coordinator, app.Municipality.Id);
        await using (var scope = app.Factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            await users.AddToRoleAsync((await users.FindByIdAsync(user.Id.ToString()))!, Roles.Admin);
        }

        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("promoted-admin@example.org");

        var adminPages = AdminPagesWithoutParameters();
        Assert.Contains("/admin/municipalities", adminPages);
        Assert.Contains("/admin/outbox", adminPages);
        foreach (var url in adminPages.Append("/dashboard"))
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{url} answered {(int)response.StatusCode} to an admin without two-step sign-in");
            Assert.StartsWith("/account/two-factor?returnUrl=", response.Headers.Location!.OriginalString, StringComparison.Ordinal);
        }

        // Unsafe requests too: no admin action before the set-up.
        var post = await client.PostFormAsync("/account/two-factor", "/admin/municipalities/new",
            ("Form.Name", "Sneaky"), ("Form.Country", "FR"), ("Form.TimeZone", "Europe/Paris"), ("Form.DefaultLanguage", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, post.StatusCode);
        Assert.StartsWith("/account/two-factor", post.Headers.Location!.OriginalString, StringComparison.Ordinal);

        var setup = await client.GetPageAsync("/account/two-factor?returnUrl=%2Fadmin%2Fusers");
        Assert.Contains("Administrators must use two-step sign-in", setup, StringComparison.Ordinal);
        var key = SharedKey().Match(setup).Groups[1].Value;
        var enabled = await client.PostFormAsync("/account/two-factor?returnUrl=%2Fadmin%2Fusers", "/account/two-factor",
            ("Form.Code", await Totp.NextCodeAsync(key)), ("Form.ReturnUrl", "/admin/users"));
        Assert.Contains("href=\"/admin/users\"", await enabled.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        foreach (var url in adminPages)
        {
            var response = await client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{url} answered {(int)response.StatusCode} after the set-up");
        }

        // And an admin may not turn it off again.
        await client.PostFormAsync("/account/two-factor", "/account/two-factor/disable");
        Assert.Contains("Two-step sign-in is on", await client.GetPageAsync("/account/two-factor"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_admin_with_two_step_sign_in_must_pass_the_second_step()
    {
        await app.Factory.CreateUserAsync("two-step-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var password = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "two-step-admin@example.org"), ("Password", RightsAcademyFactory.Password));

        Assert.StartsWith("/account/sign-in/two-factor", password.Headers.Location!.OriginalString, StringComparison.Ordinal);
        Assert.StartsWith("/account/sign-in", (await client.GetAsync("/admin/users")).Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
        using var full = app.Factory.CreateFormClient();
        await full.SignInAsync("two-step-admin@example.org");
        Assert.Equal(HttpStatusCode.OK, (await full.GetAsync("/admin/users")).StatusCode);
    }

    [Fact]
    public async Task A_code_used_to_sign_in_is_refused_when_replayed_and_the_next_code_is_accepted()
    {
        const string email = "totp-replay@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id);
        var key = await app.Factory.EnableTwoFactorAsync(email);
        var now = DateTimeOffset.UtcNow;
        var code = Totp.Code(key, now);
        using var client = app.Factory.CreateFormClient();

        var first = await client.PostFormAsync(await PasswordStepAsync(client, email), "/account/sign-in/two-factor", ("Code", code));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
        await client.PostFormAsync("/dashboard", "/account/sign-out");
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);

        var step = await PasswordStepAsync(client, email);
        var replay = await client.PostFormAsync(step, "/account/sign-in/two-factor", ("Code", code));

        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        Assert.Contains("This code has already been used", await replay.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);

        var next = await client.PostFormAsync(step, "/account/sign-in/two-factor", ("Code", Totp.Code(key, now.AddSeconds(30))));
        Assert.Equal(HttpStatusCode.Redirect, next.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);

        // An older code, still inside the window, is spent too once a later one was used.
        await client.PostFormAsync("/dashboard", "/account/sign-out");
        var older = await client.PostFormAsync(await PasswordStepAsync(client, email), "/account/sign-in/two-factor", ("Code", Totp.Code(key, now.AddSeconds(-30))));
        Assert.Equal(HttpStatusCode.OK, older.StatusCode);
        Assert.Contains("This code has already been used", await older.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Two_sign_ins_racing_with_the_same_code_let_only_one_in()
    {
        const string email = "totp-race@example.org";
        await app.Factory.CreateUserAsync(email, Roles.Learner, app.Municipality.Id);
        var key = await app.Factory.EnableTwoFactorAsync(email);
        using var one = app.Factory.CreateFormClient();
        using var two = app.Factory.CreateFormClient();
        var stepOne = await PasswordStepAsync(one, email);
        var stepTwo = await PasswordStepAsync(two, email);
        var code = Totp.Code(key);

        var answers = await Task.WhenAll(
            one.PostFormAsync(stepOne, "/account/sign-in/two-factor", ("Code", code)),
            two.PostFormAsync(stepTwo, "/account/sign-in/two-factor", ("Code", code)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Redirect);
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.OK);
    }

    private static async Task<string> PasswordStepAsync(FormClient client, string email)
    {
        var password = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", email), ("Password", RightsAcademyFactory.Password));
        var next = password.Headers.Location?.OriginalString ?? "";
        Assert.StartsWith("/account/sign-in/two-factor", next, StringComparison.Ordinal);
        return next;
    }

    [Fact]
    public void The_test_authenticator_matches_the_rfc_6238_vectors()
    {
        // RFC 6238 appendix B, SHA-1 key "12345678901234567890", last six digits.
        var key = "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ";
        Assert.Equal("287082", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(59)));
        Assert.Equal("081804", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1111111109)));
        Assert.Equal("005924", Totp.Code(key, DateTimeOffset.FromUnixTimeSeconds(1234567890)));
    }

    private List<string> AdminPagesWithoutParameters() =>
    [
        .. app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.Parameters.Count == 0)
            .Where(e => e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Where(e => e.Metadata.GetOrderedMetadata<Microsoft.AspNetCore.Authorization.IAuthorizeData>().Any(a => a.Policy == Policies.Admin))
            .Select(e => "/" + e.RoutePattern.RawText!.TrimStart('/'))
            .Distinct(),
    ];

    // A code from another time step: never the current one.
    private static string WrongCode(string key) => Totp.Code(key, DateTimeOffset.UtcNow.AddHours(-1));

    [GeneratedRegex("<code dir=\"ltr\" id=\"authenticator-key\">([a-z2-7 ]+)</code>")]
    private static partial Regex SharedKey();

    [GeneratedRegex("src=\"data:image/svg\\+xml;base64,([A-Za-z0-9+/=]+)\"")]
    private static partial Regex QrImage();

    [GeneratedRegex("<li><code>([a-zA-Z0-9-]+)</code></li>")]
    private static partial Regex RecoveryCode();
}
