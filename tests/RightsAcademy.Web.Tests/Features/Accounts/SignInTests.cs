using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class SignInTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_learner_signs_in_and_lands_on_the_dashboard()
    {
        await app.Factory.CreateUserAsync("amal@example.org", Roles.Learner, app.Municipality.Id, displayName: "أمل");
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "amal@example.org"), ("Password", RightsAcademyFactory.Password));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
        var dashboard = await client.GetPageAsync("/dashboard");
        Assert.Contains("أمل", dashboard, StringComparison.Ordinal);
        Assert.Contains(app.Municipality.Name, dashboard, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wrong_password_and_unknown_email_get_the_same_message()
    {
        await app.Factory.CreateUserAsync("known@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var wrongPassword = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "known@example.org"), ("Password", "not the password at all"));
        var unknownEmail = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "nobody@example.org"), ("Password", "not the password at all"));

        Assert.Equal(HttpStatusCode.OK, wrongPassword.StatusCode);
        Assert.Equal(HttpStatusCode.OK, unknownEmail.StatusCode);
        var first = ErrorSummary(await wrongPassword.Content.ReadAsStringAsync());
        var second = ErrorSummary(await unknownEmail.Content.ReadAsStringAsync());
        Assert.Contains("not right", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    [Fact]
    public async Task The_typed_email_is_kept_after_a_failed_attempt()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "kept@example.org"), ("Password", "wrong wrong wrong"));

        Assert.Contains("value=\"kept@example.org\"", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Repeated_failures_lock_the_account_even_for_the_right_password()
    {
        await app.Factory.CreateUserAsync("locked@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        for (var i = 0; i < 5; i++)
        {
            await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", "locked@example.org"), ("Password", $"wrong password {i}"));
        }

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in",
            ("Email", "locked@example.org"), ("Password", RightsAcademyFactory.Password));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Missing_fields_are_reported_next_to_the_field_and_in_the_summary()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in", "/account/sign-in", ("Email", ""), ("Password", ""));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("href=\"#Email\"", html, StringComparison.Ordinal);
        Assert.Contains("aria-invalid=\"true\"", html, StringComparison.Ordinal);
        Assert.Contains("E-mail address is required.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_foreign_return_url_is_ignored()
    {
        await app.Factory.CreateUserAsync("redirect@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/sign-in?returnUrl=https%3A%2F%2Fevil.example%2F", "/account/sign-in",
            ("Email", "redirect@example.org"), ("Password", RightsAcademyFactory.Password), ("ReturnUrl", "https://evil.example/"));

        Assert.Equal("/dashboard", response.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task Posting_without_the_antiforgery_token_is_refused()
    {
        using var client = app.Factory.CreateFormClient();
        using var form = new FormUrlEncodedContent([new("Email", "x@example.org"), new("Password", "whatever whatever")]);

        var response = await client.Http.PostAsync(new Uri("/account/sign-in", UriKind.Relative), form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task Signing_out_ends_the_session()
    {
        await app.Factory.CreateUserAsync("leaving@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("leaving@example.org");

        var response = await client.PostFormAsync("/dashboard", "/account/sign-out");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/dashboard")).StatusCode);
    }

    private static string ErrorSummary(string html)
    {
        var start = html.IndexOf("class=\"error-summary\"", StringComparison.Ordinal);
        Assert.True(start >= 0, "The page has no error summary.");
        var end = html.IndexOf("</div>", start, StringComparison.Ordinal);
        return html[start..end];
    }
}
