using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Tests.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// Issue #11, scenario A: a Hangfire worker process killed (SIGKILL) in the middle of a job. The job is taken again by
/// the next node once its invisibility timeout has passed (BackgroundJobs:InvisibilityTimeout, 5 s here) and completes
/// once; what the killed run had done is not done twice, because every job is idempotent by key (one certificate per
/// learner, course and run; one outbox row per mail key; a claimed outbox row is never sent again).
/// </summary>
[Collection(AppProcess.Collection)]
public sealed class WorkerKilledTests : IAsyncLifetime
{
    private const int Learners = 5;

    private NodeSetup _setup = null!;

    public async Task InitializeAsync() => _setup = await NodeSetup.CreateAsync();

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task A_node_killed_in_the_middle_of_the_certificate_sweep_leaves_one_certificate_and_one_mail_per_learner_after_another_node_finishes_it()
    {
        var (courseId, learners) = await _setup.CompletedLearnersAsync(Learners);
        // The sweep issues in completion order; it will stop at the third learner, whose lock the test holds.
        var blocker = await _setup.HoldIssuingLockAsync(learners[2].Id, courseId);

        var first = await _setup.StartNodeAsync("node 1");
        await _setup.Jobs.TriggerAsync("certificate-issuing");
        // The middle of the job: two certificates issued, their mails delivered, the run waiting at the third.
        await Eventually.ThatAsync(
            async () => await _setup.CertificatesAsync() == 2
                        && (await _setup.OutboxAsync()).Count(m => m.Status == OutboxStatus.Sent) == 2
                        && await _setup.Jobs.WaitingForLocksAsync() >= 1,
            TimeSpan.FromSeconds(40), () => _setup.NodeOutput);

        await first.KillAsync();
        // Read after the kill: what the dead node left "Processing" is what it was running when it died. Read before,
        // the list could also hold a job (a mail delivery run) that finished on node 1 in the meantime, which node 2
        // would rightly never run again.
        var interrupted = await _setup.Jobs.JobsInStateAsync("Processing");
        Assert.NotEmpty(interrupted);
        await blocker.DisposeAsync();
        Assert.Equal(2, await _setup.CertificatesAsync());

        await _setup.StartNodeAsync("node 2");
        await Eventually.ThatAsync(
            async () => await _setup.CertificatesAsync() == Learners
                        && (await _setup.OutboxAsync()).All(m => m.Status == OutboxStatus.Sent)
                        && _setup.Sink.Received.Count >= Learners
                        && (await Task.WhenAll(interrupted.Select(_setup.Jobs.StateAsync))).All(s => s == "Succeeded"),
            TimeSpan.FromSeconds(60), () => _setup.NodeOutput);

        // The interrupted run itself was taken again by the second node and completed, once.
        foreach (var job in interrupted)
        {
            var servers = await _setup.Jobs.ProcessedByAsync(job);
            Assert.Equal(2, servers.Distinct().Count());
        }

        await using var db = _setup.Database.CreateDbContext();
        var outbox = await _setup.OutboxAsync();
        foreach (var learner in learners)
        {
            // The unique index allows no second original certificate; the mail key allows no second mail row.
            var certificate = Assert.Single(db.Certificates.Where(c => c.UserId == learner.Id).ToList());
            var row = Assert.Single(outbox, m => m.IdempotencyKey == $"certificate:{certificate.Id}");
            var received = Assert.Single(_setup.Sink.To(learner.Email!));
            Assert.Equal(row.MessageId, received.Message.MessageId);
        }

        Assert.Equal(Learners, _setup.Sink.Received.Count);
    }

    [Fact]
    public async Task A_node_killed_in_the_middle_of_an_smtp_conversation_sends_no_mail_twice_and_another_node_delivers_the_rest()
    {
        const int mails = 5;
        await using (var db = _setup.Database.CreateDbContext())
        {
            var start = DateTimeOffset.UtcNow.AddMinutes(-1);
            for (var i = 0; i < mails; i++)
            {
                var row = MailFixture.Row($"test:killed:{i}", $"person{i}@example.org", OutboxStatus.Pending);
                row.NextAttemptUtc = start.AddSeconds(i);
                db.OutboxMessages.Add(row);
            }

            await db.SaveChangesAsync();
        }

        // The server keeps each message and answers 250 only 3 s later: a kill lands between the data and the reply.
        _setup.Sink.ReplyDelay = TimeSpan.FromSeconds(3);
        // One SMTP connection: one conversation at a time, so the kill lands in exactly one (with several, each
        // connection would have its own mail in flight, each left Sending in the same way).
        var first = await _setup.StartNodeAsync("node 1", workers: 1, smtpConnections: 1);
        await _setup.Jobs.TriggerAsync("outbox-delivery");
        await Eventually.ThatAsync(async () => _setup.Sink.Received.Count == 2 && (await _setup.OutboxAsync()).Any(m => m.Status == OutboxStatus.Sending),
            TimeSpan.FromSeconds(40), () => _setup.NodeOutput);
        var interrupted = await _setup.Jobs.JobsInStateAsync("Processing");
        Assert.NotEmpty(interrupted);

        await first.KillAsync();
        _setup.Sink.ReplyDelay = TimeSpan.Zero;
        var atKill = await _setup.OutboxAsync();
        // The server has this mail, but its 250 never reached the node: the outcome is unknown.
        var inFlight = Assert.Single(atKill, m => m.Status == OutboxStatus.Sending);

        await _setup.StartNodeAsync("node 2");
        await Eventually.ThatAsync(
            async () => (await _setup.OutboxAsync()).All(m => m.Status != OutboxStatus.Pending)
                        && (await Task.WhenAll(interrupted.Select(_setup.Jobs.StateAsync))).All(s => s == "Succeeded"),
            TimeSpan.FromSeconds(60), () => _setup.NodeOutput);

        foreach (var job in interrupted)
        {
            Assert.Equal(2, (await _setup.Jobs.ProcessedByAsync(job)).Distinct().Count());
        }

        // Every mail reached the server exactly once, the one in flight at the kill included; none twice.
        var outbox = await _setup.OutboxAsync();
        Assert.Equal(mails, _setup.Sink.Received.Count);
        Assert.Equal(outbox.Select(m => m.MessageId).Order(), _setup.Sink.Received.Select(m => m.Message.MessageId).Order());
        // The in-flight mail is not sent again: it stays claimed until its lease ends and then becomes OutcomeUnknown for
        // an admin (OutboxDeliveryTests), never Pending.
        Assert.Equal(OutboxStatus.Sending, outbox.Single(m => m.Id == inFlight.Id).Status);
        Assert.All(outbox.Where(m => m.Id != inFlight.Id), m => Assert.Equal(OutboxStatus.Sent, m.Status));
    }

    [Fact]
    public async Task A_scheduler_lock_left_by_a_killed_node_holds_up_recurring_jobs_only_until_the_lock_timeout()
    {
        await _setup.StartNodeAsync("node");
        await Eventually.ThatAsync(async () => (await _setup.Jobs.RecurringJobIdsAsync()).Contains("session-mails"),
            TimeSpan.FromSeconds(30), () => _setup.NodeOutput);
        var recurring = await _setup.Jobs.RecurringJobIdsAsync();
        await JobTables.OutsideMinuteBoundaryAsync();

        await _setup.Jobs.LeaveSchedulerLockAsync();
        var since = DateTime.UtcNow.AddSeconds(-1);
        await _setup.Jobs.MakeRecurringJobsDueAsync();
        // The lock is honoured: while it is fresh, nothing is scheduled (a poll every 0.3 s would otherwise have).
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(await _setup.Jobs.RecurringRunsSinceAsync(since));

        // Once it is older than BackgroundJobs:DistributedLockTimeout (5 s here; 1 min by default, Hangfire's own 10 min)
        // the scheduler removes it and every due job starts, once.
        await Eventually.ThatAsync(async () => await _setup.Jobs.DueRecurringJobsAsync() == 0, TimeSpan.FromSeconds(30), () => _setup.NodeOutput);
        await Task.Delay(TimeSpan.FromSeconds(1));
        var runs = await _setup.Jobs.RecurringRunsSinceAsync(since);
        Assert.Equal(recurring.Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
        Assert.All(runs, run => Assert.Equal(1, run.Value));
    }
}
