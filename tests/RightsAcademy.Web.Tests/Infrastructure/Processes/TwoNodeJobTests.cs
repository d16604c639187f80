using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Tests.Infrastructure.Processes;

/// <summary>
/// Issue #11, scenario B: two app nodes (two processes, two ports, one database), each with a Hangfire server. A
/// recurring job is started once per schedule across both, and where two runs of a job do overlap (a trigger on each
/// node, a run taken again after a crash) its effect still happens once. Processes, not in-process hosts: Hangfire keeps
/// process-wide statics, so two hosts in one process are not two Hangfire nodes.
/// </summary>
[Collection(AppProcess.Collection)]
public sealed class TwoNodeJobTests : IAsyncLifetime
{
    private NodeSetup _setup = null!;

    public async Task InitializeAsync() => _setup = await NodeSetup.CreateAsync();

    public async Task DisposeAsync() => await _setup.DisposeAsync();

    [Fact]
    public async Task Each_recurring_job_that_falls_due_is_started_once_across_both_nodes()
    {
        await Task.WhenAll(_setup.StartNodeAsync("node 1"), _setup.StartNodeAsync("node 2"));
        Assert.Equal(2, await _setup.Jobs.LiveServersAsync(TimeSpan.FromSeconds(30)));
        var recurring = await _setup.Jobs.RecurringJobIdsAsync();
        Assert.Contains("certificate-issuing", recurring);

        for (var round = 0; round < 3; round++)
        {
            await JobTables.OutsideMinuteBoundaryAsync();
            var since = DateTime.UtcNow.AddSeconds(-1);
            await _setup.Jobs.MakeRecurringJobsDueAsync();
            // Both schedulers poll every 0.3 s; once neither sees a due job, each has been handled.
            await Eventually.ThatAsync(async () => await _setup.Jobs.DueRecurringJobsAsync() == 0,
                TimeSpan.FromSeconds(20), () => _setup.NodeOutput);
            await Task.Delay(TimeSpan.FromSeconds(1));

            var runs = await _setup.Jobs.RecurringRunsSinceAsync(since);
            Assert.Equal(recurring.Order(StringComparer.Ordinal), runs.Keys.Order(StringComparer.Ordinal));
            Assert.All(runs, run => Assert.True(run.Value == 1, $"round {round}: {run.Key} started {run.Value} times"));
        }
    }

    [Fact]
    public async Task The_certificate_sweep_running_on_both_nodes_at_once_issues_and_mails_each_certificate_once()
    {
        var (courseId, learners) = await _setup.CompletedLearnersAsync(4);
        // One worker per node, and the first learner's lock held: the first run waits there, so the second run can only
        // be taken by the other node's worker. Released, the two runs go through the same learners at the same time.
        var blocker = await _setup.HoldIssuingLockAsync(learners[0].Id, courseId);
        await Task.WhenAll(_setup.StartNodeAsync("node 1", workers: 1), _setup.StartNodeAsync("node 2", workers: 1));
        var runs = new[] { await _setup.Jobs.TriggerAsync("certificate-issuing"), await _setup.Jobs.TriggerAsync("certificate-issuing") };
        await Eventually.ThatAsync(async () => await _setup.Jobs.WaitingForLocksAsync() == 2, TimeSpan.FromSeconds(30), () => _setup.NodeOutput);
        await blocker.DisposeAsync();

        await Eventually.ThatAsync(
            async () => (await Task.WhenAll(runs.Select(_setup.Jobs.StateAsync))).All(s => s == "Succeeded")
                        && (await _setup.OutboxAsync()) is { Count: 4 } outbox && outbox.All(m => m.Status == OutboxStatus.Sent),
            TimeSpan.FromSeconds(60), () => _setup.NodeOutput);

        var servers = await Task.WhenAll(runs.Select(async run => Assert.Single(await _setup.Jobs.ProcessedByAsync(run))));
        Assert.NotEqual(servers[0], servers[1]);
        await using var db = _setup.Database.CreateDbContext();
        foreach (var learner in learners)
        {
            Assert.Single(db.Certificates.Where(c => c.UserId == learner.Id).ToList());
            Assert.Single(_setup.Sink.To(learner.Email!));
        }
    }
}
