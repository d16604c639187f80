using System.Net;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Outbox;

public sealed class OutboxResendTests(MailFixture app) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task An_admin_resends_a_failed_mail_which_then_arrives_once()
    {
        app.Sink.RefusedRecipients["bounced@example.org"] = true;
        await app.QueueAsync(MailFixture.Mail("test:resend-failed", "bounced@example.org"));
        await app.DeliverAsync();
        var failed = await app.MailAsync("test:resend-failed");
        Assert.Equal(OutboxStatus.Failed, failed.Status);
        app.Sink.RefusedRecipients.TryRemove("bounced@example.org", out _);
        using var admin = await SignedInAdminAsync();

        var detail = await admin.GetPageAsync($"/admin/outbox/{failed.Id}");
        Assert.Contains("550", detail, StringComparison.Ordinal);
        Assert.Contains("The mail server refused this mail", detail, StringComparison.Ordinal);
        var resent = await admin.PostFormAsync($"/admin/outbox/{failed.Id}", $"/admin/outbox/{failed.Id}/resend");
        Assert.Equal(HttpStatusCode.Redirect, resent.StatusCode);
        Assert.Contains("queued again", await admin.GetPageAsync(resent.Headers.Location!.OriginalString), StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Pending, (await app.MailAsync("test:resend-failed")).Status);

        await app.DeliverAsync();
        var again = await admin.PostFormAsync($"/admin/outbox/{failed.Id}", $"/admin/outbox/{failed.Id}/resend");
        await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("bounced@example.org"));
        Assert.Equal(failed.MessageId, received.Message.MessageId);
        var sent = await app.MailAsync("test:resend-failed");
        Assert.Equal((OutboxStatus.Sent, 2), (sent.Status, sent.Attempts));
        // A sent mail is never sent again, even when an admin asks.
        Assert.Contains("cannot be sent again", await admin.GetPageAsync(again.Headers.Location!.OriginalString), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Resending_a_mail_with_an_unknown_outcome_warns_of_a_duplicate_and_keeps_its_message_id()
    {
        var row = MailFixture.Row("test:resend-unknown", "unknown@example.org", OutboxStatus.OutcomeUnknown);
        row.LastError = "IOException: connection reset";
        await app.InsertAsync(row);
        using var admin = await SignedInAdminAsync();

        var detail = await admin.GetPageAsync($"/admin/outbox/{row.Id}");
        Assert.Contains("Outcome unknown", detail, StringComparison.Ordinal);
        Assert.Contains("may receive it twice", detail, StringComparison.Ordinal);
        await admin.PostFormAsync($"/admin/outbox/{row.Id}", $"/admin/outbox/{row.Id}/resend");
        await app.DeliverAsync();

        Assert.Equal(row.MessageId, Assert.Single(app.Sink.To("unknown@example.org")).Message.MessageId);
    }

    [Fact]
    public async Task A_mail_written_without_smtp_gets_the_senders_domain_when_it_is_resent()
    {
        var row = MailFixture.Row("test:resend-not-configured", "later@example.org", OutboxStatus.NotConfigured);
        row.Attempts = 0;
        row.MessageId = OutboxMimeMessage.MessageIdFor(row.IdempotencyKey, "rightsacademy.invalid");
        await app.InsertAsync(row);
        using var admin = await SignedInAdminAsync();

        await admin.PostFormAsync($"/admin/outbox/{row.Id}", $"/admin/outbox/{row.Id}/resend");
        await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("later@example.org"));
        Assert.Equal(OutboxMimeMessage.MessageIdFor(row.IdempotencyKey, "rightsacademy.test"), received.Message.MessageId);
    }

    private async Task<RightsAcademy.Web.Testing.FormClient> SignedInAdminAsync()
    {
        try
        {
            await app.Factory.CreateUserAsync("resend-admin@example.org", Roles.Admin, app.Municipality.Id);
        }
        catch (InvalidOperationException ex) when (ex.Message.Contains("already", StringComparison.Ordinal))
        {
        }

        var admin = app.CreateFormClient();
        await admin.SignInAsync("resend-admin@example.org");
        return admin;
    }
}
