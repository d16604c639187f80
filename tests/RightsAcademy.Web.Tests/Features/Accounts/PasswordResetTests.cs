using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class PasswordResetTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task A_user_resets_a_forgotten_password_through_the_mailed_link()
    {
        await app.Factory.CreateUserAsync("forgetful@example.org", Roles.Learner, app.Municipality.Id, language: "es");
        using var client = app.Factory.CreateFormClient();

        var asked = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "forgetful@example.org"));
        Assert.Equal(HttpStatusCode.OK, asked.StatusCode);

        var mail = app.Factory.Mailer.LastTo("forgetful@example.org");
        Assert.Equal("Restablecer tu contraseña de RightsAcademy", mail.Subject);
        var link = CapturingMailer.LinkIn(mail);
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        var reset = await client.PostFormAsync(link, "/account/reset-password",
            ("UserId", query["userId"].ToString()), ("Code", query["code"].ToString()),
            ("NewPassword", "my brand new passphrase"), ("ConfirmPassword", "my brand new passphrase"));
        Assert.Equal(HttpStatusCode.OK, reset.StatusCode);

        await client.SignInAsync("forgetful@example.org", "my brand new passphrase");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/dashboard")).StatusCode);
    }

    [Fact]
    public async Task Asking_for_an_unknown_address_looks_the_same_and_sends_nothing()
    {
        using var client = app.Factory.CreateFormClient();

        var response = await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "ghost@example.org"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Check your mailbox", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Factory.Mailer.Sent, m => m.ToAddress == "ghost@example.org");
    }

    [Fact]
    public async Task A_tampered_reset_code_is_refused_with_a_clear_message()
    {
        var user = await app.Factory.CreateUserAsync("tamper@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        var url = $"/account/reset-password?userId={user.Id}&code=dGFtcGVyZWQ";

        var response = await client.PostFormAsync(url, "/account/reset-password",
            ("UserId", user.Id.ToString()), ("Code", "dGFtcGVyZWQ"), ("NewPassword", "another passphrase"), ("ConfirmPassword", "another passphrase"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("This link is no longer valid.", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}
