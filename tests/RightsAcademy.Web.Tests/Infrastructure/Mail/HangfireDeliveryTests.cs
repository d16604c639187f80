using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

/// <summary>The wiring a real site relies on: writing a mail enqueues its delivery, and Hangfire runs it.</summary>
public sealed class HangfireDeliveryTests(JobServerMailFixture app) : IClassFixture<JobServerMailFixture>
{
    [Fact]
    public async Task A_mail_written_on_a_site_with_a_job_server_is_delivered_without_anyone_running_the_job()
    {
        await app.QueueAsync(MailFixture.Mail("test:hangfire", "hangfire@example.org"));

        // The sink keeps the message before it replies; the row says Sent once the reply is recorded.
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while ((await app.MailAsync("test:hangfire")).Status != OutboxStatus.Sent && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }

        Assert.Equal(OutboxStatus.Sent, (await app.MailAsync("test:hangfire")).Status);
        Assert.Single(app.Sink.To("hangfire@example.org"));
    }
}
