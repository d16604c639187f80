using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Infrastructure.Data;
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

    [Fact]
    public async Task A_burst_larger_than_one_batch_is_delivered_at_once_not_one_batch_a_minute()
    {
        // One transaction, as a reminder run writes them: its commit enqueues one delivery run, which sends one batch.
        var count = DeliverOutbox.BatchSize + 20;
        await using (var scope = app.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            for (var i = 0; i < count; i++)
            {
                await mailer.SendAsync(MailFixture.Mail($"test:burst:{i}", $"burst{i}@example.org"));
            }

            await transaction.CommitAsync();
        }

        // Well inside the minute of the recurring run: only the run that follows a full batch can send the rest this soon.
        var deadline = DateTime.UtcNow.AddSeconds(15);
        int sent;
        do
        {
            await Task.Delay(200);
            await using var db = app.Factory.Database.CreateDbContext();
            sent = await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith("test:burst:") && m.Status == OutboxStatus.Sent);
        }
        while (sent < count && DateTime.UtcNow < deadline);

        Assert.Equal(count, sent);
    }
}
