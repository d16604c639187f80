using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>Attachments go through the outbox and the real SMTP delivery (the certificate mail carries its PDF).</summary>
public sealed class OutboxAttachmentTests(MailFixture app) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task An_attachment_is_stored_with_the_mail_and_delivered_with_its_name_type_and_bytes()
    {
        var pdf = "%PDF-1.7 test bytes \u0000\u00ff"u8.ToArray();
        var mail = MailFixture.Mail("test:attachment", "attached@example.org") with
        {
            Attachments = [new MailAttachment("certificate-ABCD.pdf", "application/pdf", pdf)],
        };
        await app.QueueAsync(mail);
        await app.QueueAsync(mail); // the same key: neither the mail nor its file is written twice

        await app.DeliverAsync();

        var message = Assert.Single(app.Sink.To("attached@example.org")).Message;
        var attachment = Assert.Single(message.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal("certificate-ABCD.pdf", attachment.FileName);
        Assert.Equal("application/pdf", attachment.ContentType.MimeType);
        using var bytes = new MemoryStream();
        await attachment.Content!.DecodeToAsync(bytes);
        Assert.Equal(pdf, bytes.ToArray());
        Assert.Contains("Plain text for", message.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_mail_without_attachments_is_unchanged()
    {
        await app.QueueAsync(MailFixture.Mail("test:no-attachment", "plain@example.org"));
        await app.DeliverAsync();
        var message = Assert.Single(app.Sink.To("plain@example.org")).Message;
        Assert.Empty(message.Attachments);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
    }
}
