using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

public sealed class SmtpServerDownTests(SmtpDownFixture app) : IClassFixture<SmtpDownFixture>
{
    [Fact]
    public async Task While_the_server_refuses_connections_mail_stays_queued_and_goes_out_once_when_it_is_back()
    {
        var keys = Enumerable.Range(0, 3).Select(i => $"test:down:{i}").ToList();
        foreach (var key in keys)
        {
            await app.QueueAsync(MailFixture.Mail(key, $"{key.Replace(':', '-')}@example.org"));
        }

        // Nothing listens on the port: connection refused.
        var down = await app.DeliverAsync();

        Assert.Equal(0, down.Sent);
        // The first refusal ends the run: the other mails are not tried against a server that is not there.
        Assert.Equal(1, down.Retrying);
        var waiting = await Task.WhenAll(keys.Select(app.MailAsync));
        Assert.All(waiting, m => Assert.Equal(OutboxStatus.Pending, m.Status));
        var tried = Assert.Single(waiting, m => m.Attempts == 1);
        Assert.Contains("refused", tried.LastError, StringComparison.OrdinalIgnoreCase);
        Assert.True(tried.NextAttemptUtc > DateTimeOffset.UtcNow);
        Assert.All(waiting.Where(m => m != tried), m => Assert.Equal(0, m.Attempts));

        // Each later run tries the next due mail, once, and stops again.
        await app.DeliverAsync();
        await app.DeliverAsync();
        Assert.All(await Task.WhenAll(keys.Select(app.MailAsync)), m => Assert.Equal((OutboxStatus.Pending, 1), (m.Status, m.Attempts)));

        await app.Sink.StartAsync();
        foreach (var key in keys)
        {
            await app.MakeDueAsync(key);
        }

        var up = await app.DeliverAsync();
        await app.DeliverAsync();

        Assert.Equal(3, up.Sent);
        foreach (var key in keys)
        {
            var mail = await app.MailAsync(key);
            Assert.Equal(OutboxStatus.Sent, mail.Status);
            Assert.Single(app.Sink.Received, r => r.Message.MessageId == mail.MessageId);
        }

        Assert.Equal(3, app.Sink.Received.Count);
    }
}
