using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Outbox;

/// <summary>A site without SMTP settings, as infra/run starts it: mail stays in the outbox, where admins read it.</summary>
public sealed class OutboxPageTests(NoSmtpFixture app) : IClassFixture<NoSmtpFixture>
{
    [Fact]
    public async Task Without_smtp_an_invitation_stays_in_the_outbox_and_an_admin_reads_exactly_what_would_be_sent()
    {
        await EnsureUserAsync("outbox-admin@example.org", Roles.Admin, timeZone: "Asia/Tokyo");
        using var admin = app.CreateFormClient();
        await admin.SignInAsync("outbox-admin@example.org");

        var invited = await admin.PostFormAsync("/admin/users/invite", "/admin/users/invite",
            ("Form.Email", "amina.outbox@example.org"), ("Form.DisplayName", "Amina"), ("Form.MunicipalityId", app.Municipality.Id.ToString()),
            ("Form.Role", Roles.Learner), ("Form.Language", "fr"));
        Assert.Equal(HttpStatusCode.Redirect, invited.StatusCode);

        var mail = Assert.Single(await app.MailsToAsync("amina.outbox@example.org"));
        Assert.Equal(OutboxStatus.NotConfigured, mail.Status);
        Assert.Equal("fr", mail.Language);
        Assert.StartsWith("invitation:", mail.IdempotencyKey, StringComparison.Ordinal);

        await app.DeliverAsync();
        var after = Assert.Single(await app.MailsToAsync("amina.outbox@example.org"));
        Assert.Equal((OutboxStatus.NotConfigured, 0), (after.Status, after.Attempts));

        var list = await admin.GetPageAsync("/admin/outbox");
        Assert.Contains(mail.Subject, list, StringComparison.Ordinal);
        Assert.Contains("Not sent (no mail server)", list, StringComparison.Ordinal);
        Assert.Contains("Smtp:Host", list, StringComparison.Ordinal);
        Assert.Contains("(Asia/Tokyo)", list, StringComparison.Ordinal);
        Assert.Contains($"href=\"/admin/outbox/{mail.Id}\"", list, StringComparison.Ordinal);

        var detail = await admin.GetPageAsync($"/admin/outbox/{mail.Id}");
        Assert.Contains("role=\"region\"", detail, StringComparison.Ordinal);
        Assert.Contains("lang=\"fr\"", detail, StringComparison.Ordinal);
        Assert.Contains("/admin/outbox/" + mail.Id + "/resend", detail, StringComparison.Ordinal);

        // The link shown in the outbox is the real one: the invitee can use it.
        var link = CapturingMailer.LinkIn(new OutgoingMail(mail.IdempotencyKey, mail.ToAddress, mail.ToName, mail.Language, mail.Subject,
            mail.TextBody, mail.HtmlBody));
        Assert.Contains(WebUtility.HtmlEncode(link), detail, StringComparison.Ordinal);
        using var invitee = app.CreateFormClient();
        Assert.Contains("name=\"NewPassword\"", await invitee.GetPageAsync(link), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_html_part_is_shown_without_anything_in_it_that_could_run_or_act_on_the_page()
    {
        var row = MailFixture.Row("test:script", "script@example.org", OutboxStatus.NotConfigured);
        row.HtmlBody = "<p>Hi <a href=\"https://example.org/accept\">accept</a></p><script>alert('mail')</script>"
            + "<img src=x onerror=\"alert('img')\"><a href=\"javascript:alert('link')\">click</a>"
            + "<form action=\"/evil\"><button>Go</button></form><div id=\"evil-id\" style=\"position:fixed\">styled</div>"
            + "<iframe src=\"https://example.org/frame\"></iframe>";
        await app.InsertAsync(row);
        await EnsureUserAsync("outbox-admin@example.org", Roles.Admin, timeZone: "Asia/Tokyo");
        using var admin = app.CreateFormClient();
        await admin.SignInAsync("outbox-admin@example.org");

        var detail = await admin.GetPageAsync($"/admin/outbox/{row.Id}");

        Assert.Contains("<p>Hi <a href=\"https://example.org/accept\" rel=\"noopener noreferrer\">accept</a></p>", detail, StringComparison.Ordinal);
        Assert.Contains(">styled</div>", detail, StringComparison.Ordinal);
        // As live markup, that is: the escaped source below shows all of it as text.
        foreach (var forbidden in new[] { "<script>alert", "alert('mail')", "onerror=\"", "href=\"javascript:", "action=\"/evil\"",
                     "id=\"evil-id\"", "style=\"position", "<iframe" })
        {
            Assert.DoesNotContain(forbidden, detail, StringComparison.Ordinal);
        }

        // The source is there too, as text.
        Assert.Contains("&lt;script&gt;alert(&#x27;mail&#x27;)&lt;/script&gt;", detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_list_filters_by_status_and_pages()
    {
        for (var i = 0; i < 52; i++)
        {
            await app.InsertAsync(MailFixture.Row($"test:paging-failed:{i:D2}", $"failed{i}@example.org", OutboxStatus.Failed));
        }

        await app.InsertAsync(MailFixture.Row("test:paging-sent", "sent@example.org", OutboxStatus.Sent));
        await EnsureUserAsync("outbox-admin@example.org", Roles.Admin, timeZone: "Asia/Tokyo");
        using var admin = app.CreateFormClient();
        await admin.SignInAsync("outbox-admin@example.org");

        var failed = await admin.GetPageAsync("/admin/outbox?status=Failed");
        var second = await admin.GetPageAsync("/admin/outbox?status=Failed&page=2");
        var sent = await admin.GetPageAsync("/admin/outbox?status=Sent");

        Assert.Equal(50, Occurrences(failed, "Subject of test:paging-failed:"));
        Assert.Contains("href=\"/admin/outbox?status=Failed&amp;page=2\" rel=\"next\"", failed, StringComparison.Ordinal);
        Assert.DoesNotContain("test:paging-sent", failed, StringComparison.Ordinal);
        Assert.Contains("<option value=\"Failed\" selected=\"selected\">Failed (52)</option>", failed, StringComparison.Ordinal);
        Assert.Equal(2, Occurrences(second, "Subject of test:paging-failed:"));
        Assert.Contains("rel=\"prev\"", second, StringComparison.Ordinal);
        Assert.Contains("Subject of test:paging-sent", sent, StringComparison.Ordinal);
        Assert.DoesNotContain("test:paging-failed", sent, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_without_an_smtp_server_keeps_the_mail_and_says_why()
    {
        var row = await app.InsertAsync(MailFixture.Row("test:resend-no-smtp", "resend-no-smtp@example.org", OutboxStatus.Failed));
        await EnsureUserAsync("outbox-admin@example.org", Roles.Admin, timeZone: "Asia/Tokyo");
        using var admin = app.CreateFormClient();
        await admin.SignInAsync("outbox-admin@example.org");

        var resent = await admin.PostFormAsync($"/admin/outbox/{row.Id}", $"/admin/outbox/{row.Id}/resend");

        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        var page = await admin.GetPageAsync(resent.Headers.Location!.OriginalString);
        Assert.Contains("no mail server is configured", page, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.NotConfigured, (await app.MailAsync("test:resend-no-smtp")).Status);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(Roles.Learner)]
    [InlineData(Roles.Trainer)]
    [InlineData(Roles.Coordinator)]
    public async Task Only_admins_see_the_outbox_or_resend(string? role)
    {
        var row = await app.InsertAsync(MailFixture.Row($"test:access:{role}", $"access-{role}@example.org", OutboxStatus.Failed));
        using var client = app.CreateFormClient();
        var formPage = "/account/sign-in";
        if (role is not null)
        {
            await EnsureUserAsync($"outbox-{role}@example.org", role);
            await client.SignInAsync($"outbox-{role}@example.org");
            formPage = "/dashboard";
        }

        var expected = role is null ? "/account/sign-in" : "/account/access-denied";
        foreach (var url in new[] { "/admin/outbox", $"/admin/outbox/{row.Id}", "/admin/outbox?status=Failed" })
        {
            var response = await client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith(expected, response.Headers.Location!.OriginalString.Replace("http://localhost", "", StringComparison.Ordinal),
                StringComparison.Ordinal);
        }

        var resend = await client.PostFormAsync(formPage, $"/admin/outbox/{row.Id}/resend");
        Assert.Equal(HttpStatusCode.Redirect, resend.StatusCode);
        Assert.Equal(OutboxStatus.Failed, (await app.MailAsync($"test:access:{role}")).Status);
    }

    private static int Occurrences(string text, string value) => (text.Length - text.Replace(value, "", StringComparison.Ordinal).Length) / value.Length;

    // Tests share the class's database, so an account may exist from an earlier test.
    private async Task EnsureUserAsync(string email, string role, string timeZone = "Europe/Paris")
    {
        try
        {
            await app.Factory.CreateUserAsync(email, role, app.Municipality.Id, timeZone: timeZone);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already", StringComparison.Ordinal))
        {
        }
    }
}
