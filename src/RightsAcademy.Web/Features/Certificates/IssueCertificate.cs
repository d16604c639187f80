using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Courses;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The issuing job for one learner and course run. Safe to run twice and on two nodes at once: runs for the same
/// learner and course take a transaction-scoped advisory lock and look before inserting, and the unique index on
/// (learner, course, run) for original certificates is the backstop, so a loser inserts nothing and queues no mail
/// (the mail is written in the same transaction as the certificate).
/// </summary>
public sealed partial class IssueCertificate(AppDbContext db, CertificateIssuer issuer, CertificateMails mails, ILogger<IssueCertificate> logger)
{
    public enum Outcome { Issued, AlreadyIssued, NotCompleted, NoLearner }

    public async Task<Outcome> RunAsync(Guid userId, Guid courseId, CancellationToken cancellationToken)
    {
        // One run per learner and course: their cohort's (cohort:{id}) or the self-paced one.
        var run = await CourseRuns.KeyAsync(db, userId, courseId, cancellationToken);
        var completedUtc = await db.Enrolments.AsNoTracking()
            .Where(e => e.UserId == userId && e.CourseId == courseId && e.CompletedUtc != null)
            .Select(e => e.CompletedUtc).SingleOrDefaultAsync(cancellationToken);
        if (completedUtc is null)
        {
            // Also what a run scheduled before the completing transaction committed sees; the sweep catches up.
            return Outcome.NotCompleted;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Runs for the same learner and course wait for each other here, so the second one sees the first one's
        // certificate instead of failing on the unique index, which stays the guarantee. The lock ends with the
        // transaction.
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({LockKey(userId)}, {LockKey(courseId)})", cancellationToken);
        if (await db.Certificates.AnyAsync(c => c.UserId == userId && c.CourseId == courseId && c.RunKey == run, cancellationToken))
        {
            return Outcome.AlreadyIssued;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.DeletedUtc == null)
            .Select(u => new { u.DisplayName, u.CertificateName, u.Email, u.PreferredLanguage, u.TimeZone, Municipality = u.Municipality!.Name })
            .SingleOrDefaultAsync(cancellationToken);
        if (user is null)
        {
            return Outcome.NoLearner;
        }

        var course = await db.Courses.AsNoTracking().Where(c => c.Id == courseId)
            .Select(c => new { c.Slug, c.DefaultLanguage, c.EstimatedHours, c.Issuer }).SingleAsync(cancellationToken);
        var titles = await db.CourseTexts.AsNoTracking().Where(t => t.CourseId == courseId)
            .Select(t => new { t.Language, t.Title }).ToListAsync(cancellationToken);
        // The title in the learner's language when the course has it, else in the course's own language.
        var title = titles.FirstOrDefault(t => t.Language == user.PreferredLanguage)
            ?? titles.FirstOrDefault(t => t.Language == course.DefaultLanguage)
            ?? titles.First();
        // The date the learner saw it happen, in their time zone.
        var completionDate = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(completedUtc.Value, TimeZoneCatalog.Find(user.TimeZone)).DateTime);
        var name = string.IsNullOrWhiteSpace(user.CertificateName) ? user.DisplayName : user.CertificateName;

        var certificate = await issuer.CreateAsync(
            new CertificateIssuer.Facts(userId, courseId, course.Slug, run, name, title.Title, title.Language, user.PreferredLanguage,
                user.Municipality, completionDate, course.EstimatedHours, string.IsNullOrWhiteSpace(course.Issuer) ? issuer.IssuerName : course.Issuer),
            replacesId: null, cancellationToken);

        db.Certificates.Add(certificate);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation, ConstraintName: CertificateConfiguration.OneOriginalPerRunIndex })
        {
            // Another run issued it between our look and our insert.
            db.ChangeTracker.Clear();
            LogLostRace(userId, courseId);
            return Outcome.AlreadyIssued;
        }

        if (!string.IsNullOrEmpty(user.Email))
        {
            await mails.SendIssuedAsync(certificate, user.Email, user.PreferredLanguage, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogIssued(certificate.Id, userId, courseId);
        return Outcome.Issued;
    }

    // Two 32-bit keys from the two ids; a collision only makes unrelated runs wait for each other.
    internal static int LockKey(Guid id) => BitConverter.ToInt32(id.ToByteArray(), 12);

    [LoggerMessage(Level = LogLevel.Information, Message = "Issued certificate {CertificateId} to {UserId} for course {CourseId}")]
    private partial void LogIssued(Guid certificateId, Guid userId, Guid courseId);

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate for {UserId} and course {CourseId} was issued by a concurrent run")]
    private partial void LogLostRace(Guid userId, Guid courseId);
}
