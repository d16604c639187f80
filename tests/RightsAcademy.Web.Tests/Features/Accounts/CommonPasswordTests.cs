using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class OpenRegistrationFixture : AppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Accounts:OpenRegistration"] = "true" };
}

public sealed class CommonPasswordTests(OpenRegistrationFixture app) : IClassFixture<OpenRegistrationFixture>
{
    private const string TooCommon = "one of the most common";

    [Fact]
    public void The_shipped_list_holds_ten_thousand_common_passwords()
    {
        Assert.Equal(10_000, CommonPasswordValidator.Count);
        Assert.True(CommonPasswordValidator.IsCommon("password"));
        Assert.True(CommonPasswordValidator.IsCommon("QwertyUiop"));
        Assert.False(CommonPasswordValidator.IsCommon(RightsAcademyFactory.Password));
    }

    [Fact]
    public async Task Registration_refuses_a_common_password_and_accepts_an_own_phrase()
    {
        using var client = app.Factory.CreateFormClient();
        (string, string)[] Fields(string password) =>
        [
            ("Form.DisplayName", "Reg Person"), ("Form.Email", "reg@example.org"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.NewPassword", password), ("Form.ConfirmPassword", password),
        ];

        var refused = await client.PostFormAsync("/account/register", "/account/register", Fields("1234567890"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains(TooCommon, await refused.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var accepted = await client.PostFormAsync("/account/register", "/account/register", Fields("our river has two bridges"));
        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
    }

    [Fact]
    public async Task Changing_to_a_common_password_or_to_the_own_email_is_refused()
    {
        await app.Factory.CreateUserAsync("change-common@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.SignInAsync("change-common@example.org");

        foreach (var password in new[] { "qwertyuiop", "password123", "Change-Common@Example.org" })
        {
            var response = await client.PostFormAsync("/account/password", "/account/password",
                ("CurrentPassword", RightsAcademyFactory.Password), ("NewPassword", password), ("ConfirmPassword", password));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains(TooCommon, await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        using var again = app.Factory.CreateFormClient();
        await again.SignInAsync("change-common@example.org");
    }

    [Fact]
    public async Task A_reset_to_a_common_password_is_refused()
    {
        await app.Factory.CreateUserAsync("reset-common@example.org", Roles.Learner, app.Municipality.Id);
        using var client = app.Factory.CreateFormClient();
        await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "reset-common@example.org"));
        var link = CapturingMailer.LinkIn(app.Factory.Mailer.LastTo("reset-common@example.org"));
        var query = Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + link).Query);

        var response = await client.PostFormAsync(link, "/account/reset-password",
            ("UserId", query["userId"].ToString()), ("Code", query["code"].ToString()), ("NewPassword", "1q2w3e4r5t"), ("ConfirmPassword", "1q2w3e4r5t"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains(TooCommon, html, StringComparison.Ordinal);
        Assert.Contains("href=\"#NewPassword\"", html, StringComparison.Ordinal);
    }
}
