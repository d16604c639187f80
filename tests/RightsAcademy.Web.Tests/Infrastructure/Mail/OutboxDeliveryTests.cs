using Hangfire;
using Hangfire.States;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

/// <summary>Delivery through a real SMTP server on 127.0.0.1: once, and only once, whatever happens.</summary>
public sealed class OutboxDeliveryTests(MailFixture app) : IClassFixture<MailFixture>
{
    [Fact]
    public async Task A_queued_mail_arrives_once_with_a_text_and_an_html_part_and_its_message_id()
    {
        await app.QueueAsync(MailFixture.Mail("test:once", "once@example.org", name: "Nour", subject: "مرحبا", language: "ar"));
        var queued = await app.MailAsync("test:once");
        Assert.Equal(OutboxStatus.Pending, queued.Status);

        var report = await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("once@example.org"));
        var message = received.Message;
        Assert.Equal(MailFixture.FromAddress, received.From);
        Assert.Equal("مرحبا", message.Subject);
        Assert.Equal(queued.MessageId, message.MessageId);
        Assert.Contains("Content-Language: ar", received.HeaderLines);
        Assert.Equal("auto-generated", message.Headers["Auto-Submitted"]);
        Assert.Equal("Nour", message.To.Mailboxes.Single().Name);
        Assert.Equal("multipart/alternative", message.Body!.ContentType.MimeType);
        Assert.Equal("Plain text for Nour.\n", message.TextBody!.ReplaceLineEndings("\n"));
        Assert.Contains("<p>HTML for Nour.</p>", message.HtmlBody!, StringComparison.Ordinal);
        Assert.True(report.Sent >= 1);

        var sent = await app.MailAsync("test:once");
        Assert.Equal(OutboxStatus.Sent, sent.Status);
        Assert.Equal(1, sent.Attempts);
        Assert.NotNull(sent.SentUtc);
        Assert.Null(sent.LockedUntilUtc);
    }

    [Fact]
    public async Task Running_the_delivery_job_twice_sends_once()
    {
        await app.QueueAsync(MailFixture.Mail("test:twice", "twice@example.org"));

        await app.DeliverAsync();
        await app.DeliverAsync();

        Assert.Single(app.Sink.To("twice@example.org"));
        Assert.Equal(1, (await app.MailAsync("test:twice")).Attempts);
    }

    [Fact]
    public async Task Delivery_jobs_running_at_the_same_time_send_each_mail_once()
    {
        var addresses = Enumerable.Range(0, 24).Select(i => $"parallel{i}@example.org").ToList();
        foreach (var address in addresses)
        {
            await app.QueueAsync(MailFixture.Mail($"test:parallel:{address}", address));
        }

        // Four runs at once, as on several nodes: each claims rows the others have not locked.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => app.DeliverAsync()));

        foreach (var address in addresses)
        {
            Assert.Single(app.Sink.To(address));
            Assert.Equal(OutboxStatus.Sent, (await app.MailAsync($"test:parallel:{address}")).Status);
        }
    }

    [Fact]
    public async Task Two_nodes_delivering_the_same_outbox_at_once_over_several_connections_each_send_each_mail_once()
    {
        // Enough mail that every connection of both nodes claims several times while the other node is claiming too.
        const int count = 300;
        var addresses = Enumerable.Range(0, count).Select(i => $"two-nodes{i}@example.org").ToList();
        await using (var scope = app.Site.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            foreach (var address in addresses)
            {
                await mailer.SendAsync(MailFixture.Mail($"test:two-nodes:{address}", address));
            }

            await transaction.CommitAsync();
        }

        await using var second = app.CreateNode();
        var reports = await Task.WhenAll(app.DeliverAsync(), app.DeliverAsync(second));

        var received = app.Sink.Received.Where(m => m.Recipients.Any(r => r.StartsWith("two-nodes", StringComparison.Ordinal))).ToList();
        Assert.Equal(count, received.Count);
        Assert.Equal(count, received.Select(m => m.Message.MessageId).Distinct().Count());
        foreach (var address in addresses)
        {
            Assert.Single(app.Sink.To(address));
        }

        await using var check = app.Factory.Database.CreateDbContext();
        var rows = await check.OutboxMessages.AsNoTracking().Where(m => m.IdempotencyKey.StartsWith("test:two-nodes:")).ToListAsync();
        Assert.All(rows, m => Assert.Equal((OutboxStatus.Sent, 1), (m.Status, m.Attempts)));
        Assert.Equal(count, reports.Sum(r => r.Sent));
        // Both nodes took part: the claims, not a lock around the whole run, kept them apart.
        Assert.All(reports, r => Assert.True(r.Sent > 0, "each node sent some of the mail"));
    }

    [Fact]
    public async Task A_run_started_while_another_sends_in_the_same_process_gives_way_and_the_sending_run_enqueues_the_next()
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await app.QueueAsync(MailFixture.Mail("test:give-way", "give-way@example.org"));
        // As if a run had just started: earlier tests may have left one waiting, which would cover the next request too.
        scope.ServiceProvider.GetRequiredService<OutboxDeliveryTrigger>().RunStarted();
        var jobsAtStart = await DeliveryJobsAsync(db);

        app.Sink.ReplyDelay = TimeSpan.FromSeconds(1); // the client waits 2 s: slow, but sent
        try
        {
            var sending = app.DeliverAsync();
            var deadline = DateTime.UtcNow.AddSeconds(10);
            while ((await app.MailAsync("test:give-way")).Status != OutboxStatus.Sending && DateTime.UtcNow < deadline)
            {
                await Task.Delay(20);
            }

            // A second run in the same process, as a commit or the recurring schedule would start: it holds no worker.
            var gaveWay = await app.DeliverAsync();
            Assert.Equal(0, gaveWay.Attempted);

            var report = await sending;
            Assert.True(report.Sent >= 1);
        }
        finally
        {
            app.Sink.ReplyDelay = TimeSpan.Zero;
        }

        Assert.Single(app.Sink.To("give-way@example.org"));
        Assert.Equal(OutboxStatus.Sent, (await app.MailAsync("test:give-way")).Status);
        // The run that was sending did not know what the other was started for, so it enqueued a new run as it ended.
        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(db));
    }

    [Fact]
    public async Task Writing_the_same_key_twice_queues_one_mail()
    {
        await app.QueueAsync(MailFixture.Mail("test:same-key", "same-key@example.org", subject: "First"));
        await app.QueueAsync(MailFixture.Mail("test:same-key", "same-key@example.org", subject: "Second"));

        var mails = await app.MailsToAsync("same-key@example.org");
        Assert.Equal("First", Assert.Single(mails).Subject);

        await app.DeliverAsync();
        await app.QueueAsync(MailFixture.Mail("test:same-key", "same-key@example.org", subject: "Third"));
        await app.DeliverAsync();
        Assert.Equal("First", Assert.Single(app.Sink.To("same-key@example.org")).Message.Subject);
    }

    [Fact]
    public async Task A_mail_lives_and_dies_with_the_transaction_that_wrote_it_and_its_delivery_is_enqueued_after_the_commit()
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
        // As if a run had just started: earlier tests may have left one waiting, which would cover this mail too.
        scope.ServiceProvider.GetRequiredService<OutboxDeliveryTrigger>().RunStarted();
        var jobsAtStart = await DeliveryJobsAsync(db);

        await using (var rolledBack = await db.Database.BeginTransactionAsync())
        {
            await mailer.SendAsync(MailFixture.Mail("test:rolled-back", "rolled-back@example.org"));
            await rolledBack.RollbackAsync();
        }

        await using (var committed = await db.Database.BeginTransactionAsync())
        {
            await mailer.SendAsync(MailFixture.Mail("test:committed", "committed@example.org"));
            // Enqueued now, the run could look before the commit and find nothing.
            Assert.Equal(jobsAtStart, await DeliveryJobsAsync(db));
            await committed.CommitAsync();
        }

        Assert.Null(await app.MailOrDefaultAsync("test:rolled-back"));
        Assert.NotNull(await app.MailOrDefaultAsync("test:committed"));
        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(db));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_transaction_that_wrote_mail_and_was_abandoned_does_not_make_the_next_commit_on_its_pooled_context_enqueue_a_run(
        bool disposedBeforeTheScopeEnds)
    {
        var trigger = app.Site.Services.GetRequiredService<OutboxDeliveryTrigger>();
        // As if a run had just started: earlier tests may have left one waiting, which would cover a request too.
        trigger.RunStarted();
        var key = $"test:abandoned:{disposedBeforeTheScopeEnds}";
        // Counted on a context of its own: the pooled one is only usable while a scope holds it.
        await using var check = app.Factory.Database.CreateDbContext();
        var jobsAtStart = await DeliveryJobsAsync(check);
        AppDbContext abandonedOn;
        await using (var scope = app.Site.Services.CreateAsyncScope())
        {
            abandonedOn = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            // A request that fails after writing mail: its transaction is disposed (or left to the pool's reset), neither
            // committed nor rolled back through EF, so the trigger hears of no end.
            var transaction = await abandonedOn.Database.BeginTransactionAsync();
            await scope.ServiceProvider.GetRequiredService<IMailer>().SendAsync(MailFixture.Mail(key, "abandoned@example.org"));
            if (disposedBeforeTheScopeEnds)
            {
                await transaction.DisposeAsync();
            }
        }

        Assert.Null(await app.MailOrDefaultAsync(key));

        // The next, unrelated request that gets the same pooled context commits a transaction that wrote no mail.
        await using (await RentAgainAsync(abandonedOn))
        {
            await using var transaction = await abandonedOn.Database.BeginTransactionAsync();
            await abandonedOn.Database.ExecuteSqlAsync($"SELECT 1");
            await transaction.CommitAsync();
        }

        Assert.Equal(jobsAtStart, await DeliveryJobsAsync(check));

        // The context still reports the commit of a transaction that did write mail.
        await using (var later = await RentAgainAsync(abandonedOn))
        {
            await using var transaction = await abandonedOn.Database.BeginTransactionAsync();
            await later.Scope.ServiceProvider.GetRequiredService<IMailer>().SendAsync(MailFixture.Mail($"{key}:then", "abandoned@example.org"));
            await transaction.CommitAsync();
        }

        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(check));
        // Sent now, so that no later test finds it waiting in front of its own mail.
        await app.DeliverAsync();
    }

    /// <summary>
    /// Opens request scopes on the site until one is handed <paramref name="context"/> from the pool (which is first in,
    /// first out, and may hold contexts of earlier tests), as a later request would be; the other scopes end with it.
    /// </summary>
    private async Task<Rented> RentAgainAsync(AppDbContext context)
    {
        var scopes = new List<AsyncServiceScope>();
        for (var i = 0; i < 64; i++)
        {
            var scope = app.Site.Services.CreateAsyncScope();
            scopes.Add(scope);
            if (ReferenceEquals(scope.ServiceProvider.GetRequiredService<AppDbContext>(), context))
            {
                return new Rented(scope, scopes);
            }
        }

        foreach (var scope in scopes)
        {
            await scope.DisposeAsync();
        }

        throw new InvalidOperationException("The pool did not hand the context out again.");
    }

    private sealed record Rented(AsyncServiceScope Scope, List<AsyncServiceScope> Scopes) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            foreach (var scope in Scopes)
            {
                await scope.DisposeAsync();
            }
        }
    }

    [Fact]
    public async Task A_5xx_reply_fails_the_mail_for_good_with_the_servers_reply()
    {
        app.Sink.RefusedRecipients["refused@example.org"] = true;
        await app.QueueAsync(MailFixture.Mail("test:refused", "refused@example.org"));

        await app.DeliverAsync();
        await app.MakeDueAsync("test:refused");
        await app.DeliverAsync();

        var mail = await app.MailAsync("test:refused");
        Assert.Equal(OutboxStatus.Failed, mail.Status);
        Assert.Equal(1, mail.Attempts);
        Assert.StartsWith("550 ", mail.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Sink.To("refused@example.org"));
    }

    [Fact]
    public async Task A_4xx_reply_is_retried_with_a_growing_delay_until_the_server_accepts()
    {
        await app.QueueAsync(MailFixture.Mail("test:deferred", "deferred@example.org"));
        app.Sink.DeferNext = 2;

        var before = DateTimeOffset.UtcNow;
        await app.DeliverAsync();
        var first = await app.MailAsync("test:deferred");
        await app.DeliverAsync(); // not due yet: nothing happens
        Assert.Equal(1, (await app.MailAsync("test:deferred")).Attempts);

        await app.MakeDueAsync("test:deferred");
        await app.DeliverAsync();
        var second = await app.MailAsync("test:deferred");

        await app.MakeDueAsync("test:deferred");
        await app.DeliverAsync();
        var third = await app.MailAsync("test:deferred");

        var baseDelay = TimeSpan.Parse(MailFixture.RetryBaseDelay, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(OutboxStatus.Pending, first.Status);
        Assert.StartsWith("451 ", first.LastError, StringComparison.Ordinal);
        Assert.InRange(first.NextAttemptUtc - before, baseDelay, baseDelay + TimeSpan.FromSeconds(5));
        Assert.Equal(OutboxStatus.Pending, second.Status);
        Assert.InRange(second.NextAttemptUtc - second.LastAttemptUtc!.Value, 2 * baseDelay, (2 * baseDelay) + TimeSpan.FromSeconds(1));
        Assert.Equal(OutboxStatus.Sent, third.Status);
        Assert.Equal(3, third.Attempts);
        Assert.Single(app.Sink.To("deferred@example.org"));
    }

    [Fact]
    public async Task When_the_reply_to_the_message_never_comes_the_outcome_is_unknown_and_the_mail_is_not_sent_again()
    {
        await app.QueueAsync(MailFixture.Mail("test:no-reply", "no-reply@example.org"));
        app.Sink.ReplyDelay = TimeSpan.FromSeconds(4); // the client waits 2 s
        try
        {
            await app.DeliverAsync();
        }
        finally
        {
            app.Sink.ReplyDelay = TimeSpan.Zero;
        }

        var mail = await app.MailAsync("test:no-reply");
        Assert.Equal(OutboxStatus.OutcomeUnknown, mail.Status);
        Assert.NotNull(mail.LastError);

        await app.MakeDueAsync("test:no-reply");
        await app.DeliverAsync();
        await app.DeliverAsync();

        // The server did get it; it is not sent a second time.
        Assert.Single(app.Sink.To("no-reply@example.org"));
        Assert.Equal(OutboxStatus.OutcomeUnknown, (await app.MailAsync("test:no-reply")).Status);
    }

    [Fact]
    public async Task A_mail_left_sending_by_a_run_that_died_is_marked_unknown_and_not_sent_again()
    {
        // A run claimed this mail, may or may not have sent it, and died before recording the outcome.
        await app.InsertAsync(MailFixture.Row("test:died", "died@example.org", OutboxStatus.Sending, DateTimeOffset.UtcNow.AddMinutes(-1)));
        // Another run is sending this one right now: its claim is still valid.
        await app.InsertAsync(MailFixture.Row("test:busy", "busy@example.org", OutboxStatus.Sending, DateTimeOffset.UtcNow.AddMinutes(5)));

        var report = await app.DeliverAsync();
        await app.DeliverAsync();

        Assert.Equal(1, report.Abandoned);
        var died = await app.MailAsync("test:died");
        Assert.Equal(OutboxStatus.OutcomeUnknown, died.Status);
        Assert.Contains("may or may not", died.LastError, StringComparison.Ordinal);
        Assert.Equal(OutboxStatus.Sending, (await app.MailAsync("test:busy")).Status);
        Assert.Empty(app.Sink.To("died@example.org"));
        Assert.Empty(app.Sink.To("busy@example.org"));
    }

    [Fact]
    public async Task Line_breaks_in_a_display_name_or_subject_cannot_add_headers_or_recipients()
    {
        await app.QueueAsync(MailFixture.Mail("test:inject", "target@example.org",
            name: "Eve\r\nBcc: victim@example.org\r\nX-Injected: name",
            subject: "Hello\r\nBcc: victim2@example.org\nX-Injected: subject\u2028Cc: victim3@example.org"));
        await app.QueueAsync(MailFixture.Mail("test:inject-quotes", "quotes@example.org", name: "Doe, \"John\" <evil@example.org>"));

        await app.DeliverAsync();

        var received = Assert.Single(app.Sink.To("target@example.org"));
        Assert.Equal(["target@example.org"], received.Recipients);
        Assert.DoesNotContain(received.HeaderLines, line =>
            line.StartsWith("Bcc:", StringComparison.OrdinalIgnoreCase) || line.StartsWith("Cc:", StringComparison.OrdinalIgnoreCase)
            || line.StartsWith("X-Injected:", StringComparison.OrdinalIgnoreCase));
        var message = received.Message;
        Assert.Equal("target@example.org", Assert.Single(message.To.Mailboxes).Address);
        Assert.Empty(message.Cc);
        Assert.Empty(message.Bcc);
        Assert.Null(message.Headers["X-Injected"]);
        Assert.StartsWith("Hello ", message.Subject, StringComparison.Ordinal);
        Assert.DoesNotContain("\n", message.Subject!, StringComparison.Ordinal);

        var quoted = Assert.Single(app.Sink.To("quotes@example.org"));
        Assert.Equal(["quotes@example.org"], quoted.Recipients);
        var mailbox = Assert.Single(quoted.Message.To.Mailboxes);
        Assert.Equal("quotes@example.org", mailbox.Address);
        Assert.Equal("Doe, \"John\" <evil@example.org>", mailbox.Name);
        Assert.Empty(app.Sink.To("evil@example.org"));
        Assert.DoesNotContain(app.Sink.Received, m => m.Recipients.Any(r => r.StartsWith("victim", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task A_recipient_address_that_carries_smtp_commands_is_refused_without_sending()
    {
        await app.QueueAsync(MailFixture.Mail("test:bad-address", "victim@example.org>\r\nRCPT TO:<other@example.org"));

        await app.DeliverAsync();

        var mail = await app.MailAsync("test:bad-address");
        Assert.Equal(OutboxStatus.Failed, mail.Status);
        Assert.StartsWith("Invalid recipient address", mail.LastError, StringComparison.Ordinal);
        Assert.Empty(app.Sink.To("victim@example.org"));
        Assert.Empty(app.Sink.To("other@example.org"));
    }

    [Fact]
    public async Task Many_one_mail_transactions_queue_one_delivery_run_until_it_starts()
    {
        await using var scope = app.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<OutboxDeliveryTrigger>().RunStarted();
        var jobsAtStart = await DeliveryJobsAsync(db);

        for (var i = 0; i < 20; i++)
        {
            await app.QueueAsync(MailFixture.Mail($"test:coalesce:{i}", $"coalesce{i}@example.org"));
        }

        // One run, however long writing them took: no worker has taken it (this fixture runs none).
        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(db));
        var queued = await DeliveryJobsAsync(db);

        // Once that run has started it may already have looked: the next mail needs a run of its own.
        await app.DeliverAsync();
        await app.QueueAsync(MailFixture.Mail("test:coalesce:after", "coalesce-after@example.org"));
        Assert.Equal(queued + 1, await DeliveryJobsAsync(db));
        Assert.Equal(20, app.Sink.Received.Count(m => m.Recipients.Any(r => r.StartsWith("coalesce", StringComparison.Ordinal) && r != "coalesce-after@example.org")));
    }

    [Fact]
    public async Task Mail_written_after_the_queued_run_was_taken_by_another_nodes_worker_gets_a_run_of_its_own()
    {
        // Another node of the same site (its own container and trigger), whose worker takes the run this node enqueues.
        // Started first, so that what follows happens within a second, as in the flake this reproduces.
        await using var other = app.CreateNode();
        await app.DeliverAsync(other);
        await using var scope = app.Site.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        scope.ServiceProvider.GetRequiredService<OutboxDeliveryTrigger>().RunStarted();
        var jobsAtStart = await DeliveryJobsAsync(db);

        await app.QueueAsync(MailFixture.Mail("test:other-node:first", "other-node-first@example.org"));
        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(db));
        // While it waits in the queue it covers further mail.
        await app.QueueAsync(MailFixture.Mail("test:other-node:waiting", "other-node-waiting@example.org"));
        Assert.Equal(jobsAtStart + 1, await DeliveryJobsAsync(db));

        // The other node's worker takes it and runs it to the end, as in HangfireDeliveryTests where the site and the
        // factory's host each run a job server: the run sends what it finds and Hangfire records it Succeeded.
        var job = await LastDeliveryJobAsync(db);
        var report = await app.DeliverAsync(other);
        Assert.True(other.Services.GetRequiredService<IBackgroundJobClient>()
            .ChangeState(job, new SucceededState(report, 0, 0), EnqueuedState.StateName));
        Assert.Equal(OutboxStatus.Sent, (await app.MailAsync("test:other-node:first")).Status);
        Assert.Equal(OutboxStatus.Sent, (await app.MailAsync("test:other-node:waiting")).Status);

        // Written after that run looked, within a second of the enqueue: only a new run can send it before the recurring one.
        await app.QueueAsync(MailFixture.Mail("test:other-node:after", "other-node-after@example.org"));
        Assert.Equal(jobsAtStart + 2, await DeliveryJobsAsync(db));
        Assert.Equal(OutboxStatus.Pending, (await app.MailAsync("test:other-node:after")).Status);
        // Sent now, so that no later test finds it waiting in front of its own mail.
        await app.DeliverAsync();
    }

    private static async Task<string> LastDeliveryJobAsync(AppDbContext db) =>
        (await db.Database.SqlQuery<long>($"SELECT max(id) AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%DeliverOutbox%'").SingleAsync())
        .ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<int> DeliveryJobsAsync(AppDbContext db) =>
        await db.Database.SqlQuery<int>($"SELECT count(*)::int AS \"Value\" FROM hangfire.job WHERE invocationdata::text LIKE '%DeliverOutbox%'").SingleAsync();

    [Fact]
    public void Message_ids_are_derived_from_the_key()
    {
        var first = OutboxMimeMessage.MessageIdFor("session-reminder:1:2:24h", "example.org");

        Assert.Equal(first, OutboxMimeMessage.MessageIdFor("session-reminder:1:2:24h", "example.org"));
        Assert.NotEqual(first, OutboxMimeMessage.MessageIdFor("session-reminder:1:2:1h", "example.org"));
        Assert.EndsWith("@example.org", first, StringComparison.Ordinal);
        Assert.DoesNotContain("session", first, StringComparison.Ordinal);
    }
}
