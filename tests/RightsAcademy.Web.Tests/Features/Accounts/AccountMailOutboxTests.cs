using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Accounts;

/// <summary>Account mails on the site as deployed: through the outbox to a real SMTP server.</summary>
public sealed class AccountMailOutboxTests(MailFixture app) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task An_invitation_is_queued_with_the_account_delivered_once_and_its_link_works()
    {
        using var admin = await SignedInAsync("mail-admin@example.org", Roles.Admin);

        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "omar.mail@example.org"), ("Form.DisplayName", "Omar"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Learner), ("Form.Language", "es"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var queued = Assert.Single(await app.MailsToAsync("omar.mail@example.org"));
        Assert.Equal(OutboxStatus.Pending, queued.Status);
        Assert.Equal("es", queued.Language);

        await app.DeliverAsync();
        await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("omar.mail@example.org"));
        Assert.Equal(queued.Subject, received.Message.Subject);
        var text = received.Message.TextBody!;
        var link = CapturingMailer.LinkIn(new OutgoingMail("", "", "", "", "", text, ""));
        using var invitee = app.CreateFormClient();
        Assert.Contains("name=\"NewPassword\"", await invitee.GetPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_refused_invitation_writes_no_mail()
    {
        using var coordinator = await SignedInAsync("mail-coord@example.org", Roles.Coordinator);

        var refused = await coordinator.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "would-be-admin@example.org"), ("Form.DisplayName", "Boss"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Admin), ("Form.Language", "en"));

        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Empty(await app.MailsToAsync("would-be-admin@example.org"));
    }

    [Fact]
    public async Task A_display_name_typed_with_line_breaks_cannot_add_recipients()
    {
        using var admin = await SignedInAsync("mail-admin@example.org", Roles.Admin);

        await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "crlf.mail@example.org"), ("Form.DisplayName", "Eve\r\nBcc: victim.mail@example.org"),
            ("Form.MunicipalityId", app.Municipality.Id.ToString()), ("Form.Role", Roles.Learner), ("Form.Language", "en"));
        await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("crlf.mail@example.org"));
        Assert.Equal(["crlf.mail@example.org"], received.Recipients);
        Assert.DoesNotContain(received.HeaderLines, line => line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase));
        Assert.Empty(app.Sink.To("victim.mail@example.org"));
    }

    [Fact]
    public async Task Asking_for_a_password_reset_twice_in_a_row_queues_one_mail_in_the_users_language()
    {
        var user = await app.Factory.CreateUserAsync("reset.mail@example.org", Roles.Learner, app.Municipality.Id, language: "ar");
        using var client = app.CreateFormClient();

        var before = DateTimeOffset.UtcNow;
        await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "reset.mail@example.org"));
        await client.PostFormAsync("/account/forgot-password", "/account/forgot-password", ("Email", "reset.mail@example.org"));
        var after = DateTimeOffset.UtcNow;
        await app.DeliverAsync();

        var queued = await app.MailsToAsync("reset.mail@example.org");
        // One mail per five-minute window; two only if the requests straddled a window's edge.
        var windows = AccountMails.PasswordResetKey(user.Id, before) == AccountMails.PasswordResetKey(user.Id, after) ? 1 : 2;
        Assert.Equal(windows, queued.Count);
        Assert.All(queued, m => Assert.Equal("ar", m.Language));
        Assert.Equal(windows, app.Sink.To("reset.mail@example.org").Count);
        Assert.Contains("dir=\"rtl\"", queued[0].HtmlBody, StringComparison.Ordinal);
    }

    private async Task<FormClient> SignedInAsync(string email, string role)
    {
        try
        {
            await app.Factory.CreateUserAsync(email, role, app.Municipality.Id, displayName: "Karim");
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already", StringComparison.Ordinal))
        {
        }

        var client = app.CreateFormClient();
        await client.SignInAsync(email);
        return client;
    }
}
