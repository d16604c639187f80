using Hangfire;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Asks for certificate work soon. Only a speed-up: <see cref="IssuePendingCertificates"/> runs every minute and does
/// whatever these requests miss, so a failed enqueue never fails the learner's request.
/// </summary>
public sealed partial class CertificateJobs(IServiceProvider services, ILogger<CertificateJobs> logger)
{
    /// <summary>
    /// Called inside the completing transaction, so the run is scheduled a little later, after the commit; a run that
    /// still comes too early finds the course not completed and the sweep issues the certificate.
    /// </summary>
    public static readonly TimeSpan IssueDelay = TimeSpan.FromSeconds(5);

    public void RequestIssue(Guid userId, Guid courseId) =>
        Try(jobs => jobs.Schedule<IssueCertificate>(job => job.RunAsync(userId, courseId, CancellationToken.None), IssueDelay));

    /// <summary>Called after the corrected name is saved.</summary>
    public void RequestNameCorrection(Guid userId) =>
        Try(jobs => jobs.Enqueue<ReplaceCertificate>(job => job.RunForUserAsync(userId, CancellationToken.None)));

    // The client is resolved here, inside the try: creating it opens Hangfire's storage, and a storage problem must
    // not fail the learner's lesson or profile request (as with the outbox delivery trigger).
    private void Try(Func<IBackgroundJobClient, string> enqueue)
    {
        try
        {
            enqueue(services.GetRequiredService<IBackgroundJobClient>());
        }
#pragma warning disable CA1031 // The work is recorded in the database; the recurring sweep does it if this fails.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            LogEnqueueFailed(ex);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not enqueue certificate work; the recurring sweep will do it")]
    private partial void LogEnqueueFailed(Exception ex);
}
