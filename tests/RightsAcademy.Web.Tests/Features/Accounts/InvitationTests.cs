using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class InvitationTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task An_admin_invites_a_colleague_who_sets_a_password_and_is_signed_in()
    {
        await app.Factory.CreateUserAsync("admin-inv@example.org", Roles.Admin, app.Municipality.Id, displayName: "Karim");
        using var admin = app.Factory.CreateFormClient();
        await admin.SignInAsync("admin-inv@example.org");

        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "nour@example.org"), ("Form.DisplayName", "Nour"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Trainer), ("Form.Language", "ar"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        // The mail speaks the invitee's language, not the admin's.
        var mail = app.Factory.Mailer.LastTo("nour@example.org");
        Assert.Equal("أنت مدعو إلى RightsAcademy", mail.Subject);
        Assert.Contains("Karim", mail.TextBody, StringComparison.Ordinal);
        Assert.Contains("dir=\"rtl\"", mail.HtmlBody, StringComparison.Ordinal);

        using var invitee = app.Factory.CreateFormClient();
        var link = CapturingMailer.LinkIn(mail);
        var accepted = await invitee.PostFormAsync(link, "/account/accept-invitation",
            ("UserId", QueryValue(link, "userId")), ("Code", QueryValue(link, "code")), ("DisplayName", "نور الهدى"),
            ("NewPassword", "a long new passphrase"), ("ConfirmPassword", "a long new passphrase"));

        Assert.Equal(HttpStatusCode.Redirect, accepted.StatusCode);
        var dashboard = await invitee.GetPageAsync("/dashboard");
        Assert.Contains("نور الهدى", dashboard, StringComparison.Ordinal);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", dashboard, StringComparison.Ordinal);

        // The link works once.
        using var again = app.Factory.CreateFormClient();
        var reuse = await again.GetPageAsync(link);
        Assert.Contains("This invitation link cannot be used", reuse, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_coordinator_cannot_invite_an_admin_or_into_another_municipality()
    {
        var elsewhere = await app.Factory.CreateMunicipalityAsync("Elsewhere", "SN", "Africa/Dakar", "fr");
        await app.Factory.CreateUserAsync("coord-inv@example.org", Roles.Coordinator, app.Municipality.Id);
        using var coordinator = app.Factory.CreateFormClient();
        await coordinator.SignInAsync("coord-inv@example.org");

        var asAdmin = await coordinator.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "boss@example.org"), ("Form.DisplayName", "Boss"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Admin), ("Form.Language", "en"));
        var elsewhereInvite = await coordinator.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "far@example.org"), ("Form.DisplayName", "Far"), ("Form.MunicipalityId", elsewhere.Id.ToString()),
            ("Form.Role", Roles.Learner), ("Form.Language", "en"));

        Assert.Equal(HttpStatusCode.OK, asAdmin.StatusCode);
        Assert.Contains("You cannot give this role.", await asAdmin.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, elsewhereInvite.StatusCode);
        Assert.Contains("your own municipality", await elsewhereInvite.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.DoesNotContain(app.Factory.Mailer.Sent, m => m.ToAddress is "boss@example.org" or "far@example.org");
    }

    [Fact]
    public async Task Inviting_an_existing_address_is_refused_and_the_form_is_kept()
    {
        await app.Factory.CreateUserAsync("coord-dup@example.org", Roles.Coordinator, app.Municipality.Id);
        using var coordinator = app.Factory.CreateFormClient();
        await coordinator.SignInAsync("coord-dup@example.org");

        var response = await coordinator.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "coord-dup@example.org"), ("Form.DisplayName", "Someone Kept"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Learner), ("Form.Language", "es"));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("already uses this e-mail address", html, StringComparison.Ordinal);
        Assert.Contains("value=\"Someone Kept\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_forged_invitation_code_is_refused()
    {
        using var client = app.Factory.CreateFormClient();
        var user = await app.Factory.CreateUserAsync("forged@example.org", Roles.Learner, app.Municipality.Id);

        var html = await client.GetPageAsync($"/account/accept-invitation?userId={user.Id}&code=Zm9yZ2Vk");

        Assert.Contains("cannot be used", html, StringComparison.Ordinal);
    }

    private static string QueryValue(string url, string name) =>
        Microsoft.AspNetCore.WebUtilities.QueryHelpers.ParseQuery(new Uri("http://x" + url).Query)[name].ToString();
}
