using System.Diagnostics;
using System.Net;
using Hangfire;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Bench;

/// <summary>
/// Work handed to the running site the way the app hands it over: mail written through <see cref="IMailer"/> into
/// the outbox (delivered by the site's Hangfire workers to the SMTP sink), certificate jobs enqueued on the site's
/// job storage. Each load is timed until the site has finished it, read from the database.
/// </summary>
internal static class Loads
{
    private static readonly TimeSpan GiveUp = TimeSpan.FromMinutes(15);
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// Writes <paramref name="count"/> session reminders as a reminder run would (batches of 500 per transaction, one
    /// mail per recipient and event) and waits until the site has delivered all of them.
    /// </summary>
    public static async Task<int> MailsAsync(IServiceProvider services, int count, TextWriter output, CancellationToken cancellationToken)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var prefix = $"bench-reminder:{run}:";
        var watch = Stopwatch.StartNew();
        List<(Guid Id, string Email, string Name, string Language, string TimeZone)> recipients;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            recipients = (await db.Users.AsNoTracking().Where(u => u.Email != null).OrderBy(u => u.Id).Take(count)
                .Select(u => new { u.Id, u.Email, u.DisplayName, u.PreferredLanguage, u.TimeZone }).ToListAsync(cancellationToken))
                .Select(u => (u.Id, u.Email!, u.DisplayName, u.PreferredLanguage, u.TimeZone)).ToList();
        }

        const int batch = 500;
        for (var written = 0; written < count;)
        {
            await using var scope = services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var mailer = scope.ServiceProvider.GetRequiredService<IMailer>();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            for (var i = 0; i < batch && written < count; i++, written++)
            {
                var (id, email, name, language, zone) = recipients[written % recipients.Count];
                await mailer.SendAsync(Reminder($"{prefix}{id}:{written}", email, name, language, zone), cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }

        var generated = watch.Elapsed;
        var (done, failed) = await WaitAsync(services, async db => (
                await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith(prefix) && m.Status == OutboxStatus.Sent, cancellationToken),
                await db.OutboxMessages.CountAsync(m => m.IdempotencyKey.StartsWith(prefix) && m.Status != OutboxStatus.Sent && m.Status != OutboxStatus.Pending
                    && m.Status != OutboxStatus.Sending, cancellationToken)),
            count, cancellationToken);
        await output.WriteLineAsync($"mails_generated_seconds={generated.TotalSeconds:0.00}");
        await output.WriteLineAsync($"mails_seconds={watch.Elapsed.TotalSeconds:0.00}");
        await output.WriteLineAsync($"mails_sent={done}");
        await output.WriteLineAsync($"mails_failed={failed}");
        return done == count ? 0 : 1;
    }

    /// <summary>
    /// Completes <paramref name="count"/> enrolments and enqueues the issuing job for each, as finishing a course does,
    /// then waits until the site's workers have issued every certificate (PDF, signed credential, mail).
    /// </summary>
    public static async Task<int> CertificatesAsync(IServiceProvider services, int count, TextWriter output, CancellationToken cancellationToken)
    {
        var start = DateTimeOffset.UtcNow;
        var watch = Stopwatch.StartNew();
        List<(Guid UserId, Guid CourseId)> picked;
        await using (var scope = services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
            var rows = await db.Enrolments.AsNoTracking()
                .Where(e => e.CompletedUtc == null && db.Users.Any(u => u.Id == e.UserId && u.Email != DataGenerator.LearnerEmail))
                .OrderBy(e => e.Id).Take(count).Select(e => new { e.Id, e.UserId, e.CourseId }).ToListAsync(cancellationToken);
            var ids = rows.Select(r => r.Id).ToList();
            await db.Enrolments.Where(e => ids.Contains(e.Id))
                .ExecuteUpdateAsync(s => s.SetProperty(e => e.CompletedUtc, start), cancellationToken);
            picked = rows.Select(r => (r.UserId, r.CourseId)).ToList();
        }

        var jobs = services.GetRequiredService<IBackgroundJobClient>();
        foreach (var (userId, courseId) in picked)
        {
            jobs.Enqueue<IssueCertificate>(job => job.RunAsync(userId, courseId, CancellationToken.None));
        }

        var (done, _) = await WaitAsync(services, async db => (await db.Certificates.CountAsync(c => c.IssuedUtc >= start, cancellationToken), 0),
            picked.Count, cancellationToken);
        await output.WriteLineAsync($"certificates_seconds={watch.Elapsed.TotalSeconds:0.00}");
        await output.WriteLineAsync($"certificates_issued={done}");
        return done == picked.Count ? 0 : 1;
    }

    private static async Task<(int Done, int Failed)> WaitAsync(IServiceProvider services, Func<AppDbContext, Task<(int Done, int Failed)>> progress,
        int expected, CancellationToken cancellationToken)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            await using var scope = services.CreateAsyncScope();
            var (done, failed) = await progress(scope.ServiceProvider.GetRequiredService<AppDbContext>());
            if (done + failed >= expected || watch.Elapsed > GiveUp)
            {
                return (done, failed);
            }

            await Task.Delay(Poll, cancellationToken);
        }
    }

    private static OutgoingMail Reminder(string key, string email, string name, string language, string zone)
    {
        var starts = DateTimeOffset.UtcNow.AddHours(24);
        var local = TimeZoneInfo.ConvertTime(starts, RightsAcademy.Web.Infrastructure.Time.TimeZoneCatalog.Find(zone));
        var subject = $"Reminder: peer exchange on participatory budgeting, {local:dddd d MMMM HH:mm}";
        var body = $"Dear {name},\n\nThe peer-exchange session \"Participatory budgeting in practice\" starts tomorrow at {local:HH:mm} " +
                   $"({zone}). Please read the pre-work lessons before the session.\n\nJoin: https://meet.example.org/session\n";
        var html = $"<!DOCTYPE html><html lang=\"{language}\"><body><p>{WebUtility.HtmlEncode(body).Replace("\n", "<br>", StringComparison.Ordinal)}</p></body></html>";
        return new OutgoingMail(key, email, name, language, subject, body, html);
    }
}
