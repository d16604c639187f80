using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Unicode;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.PersonalData;

/// <summary>
/// Everything the site holds about one person, as one JSON document they can download (GDPR art. 15 and 20):
/// profile, roles, progress, quiz answers, cohorts, sessions, calendar feeds, practices they published,
/// certificates, mail preferences and digest items, and every mail in the outbox addressed to them. Each part is
/// one query filtered by the person's id (or address); nothing of anyone else is read.
/// </summary>
public static class ExportPersonalData
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        // Names and texts in any script stay readable in the file.
        Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<byte[]?> HandleAsync(Guid userId, CancellationToken cancellationToken)
        {
            var profile = await db.Users.AsNoTracking().Where(u => u.Id == userId && u.DeletedUtc == null)
                .Select(u => new
                {
                    u.Id, u.Email, u.EmailConfirmed, u.UserName, u.DisplayName, u.CertificateName, u.Department, Municipality = u.Municipality!.Name,
                    u.PreferredLanguage, u.TimeZone, u.CreatedUtc, u.InvitedUtc, u.FirstInvitedUtc, u.PhoneNumber, u.LockoutEnd, u.AccessFailedCount,
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (profile is null)
            {
                return null;
            }

            var email = profile.Email ?? "";
            var document = new
            {
                ExportedUtc = clock.GetUtcNow(),
                Profile = profile,
                Roles = await db.UserRoles.Where(r => r.UserId == userId).Join(db.Roles, r => r.RoleId, r => r.Id, (_, r) => r.Name).ToListAsync(cancellationToken),
                Enrolments = await db.Enrolments.AsNoTracking().Where(e => e.UserId == userId)
                    .Join(db.Courses, e => e.CourseId, c => c.Id, (e, c) => new { Course = c.Slug, e.EnrolledUtc, e.CompletedUtc, e.LastActivityUtc })
                    .ToListAsync(cancellationToken),
                LessonsCompleted = await db.LessonCompletions.AsNoTracking().Where(c => c.UserId == userId)
                    .Join(db.Lessons, c => c.LessonId, l => l.Id, (c, l) => new { Course = l.Course!.Slug, Module = l.Module!.Slug, Lesson = l.Slug, c.CompletedUtc })
                    .ToListAsync(cancellationToken),
                QuizAttempts = await db.QuizAttempts.AsNoTracking().Where(a => a.UserId == userId)
                    .Join(db.Lessons, a => a.LessonId, l => l.Id, (a, l) => new
                    {
                        Course = l.Course!.Slug, Module = l.Module!.Slug, Quiz = l.Slug, a.LessonVersion, a.SubmittedUtc, a.Correct, a.Total, a.ScorePercent,
                        a.Passed, a.Answers,
                    })
                    .ToListAsync(cancellationToken),
                CohortMemberships = await db.CohortMembers.AsNoTracking().Where(m => m.UserId == userId)
                    .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { Cohort = c.Title, m.Status, m.RequestedUtc, m.JoinedUtc, m.ShareEmail })
                    .ToListAsync(cancellationToken),
                CohortsRun = await db.CohortStaff.AsNoTracking().Where(s => s.UserId == userId)
                    .Join(db.Cohorts, s => s.CohortId, c => c.Id, (s, c) => new { Cohort = c.Title, s.Role })
                    .ToListAsync(cancellationToken),
                SessionAnswers = await db.SessionRsvps.AsNoTracking().Where(r => r.UserId == userId)
                    .Join(db.ExchangeSessions, r => r.SessionId, s => s.Id, (r, s) => new { Session = s.Title, s.StartUtc, r.Answer, r.AnsweredUtc, r.UpdatedUtc })
                    .ToListAsync(cancellationToken),
                SessionAttendance = await db.SessionAttendances.AsNoTracking().Where(a => a.UserId == userId)
                    .Join(db.ExchangeSessions, a => a.SessionId, s => s.Id, (a, s) => new { Session = s.Title, s.StartUtc, a.Attended, a.RecordedUtc })
                    .ToListAsync(cancellationToken),
                SessionsFacilitated = await db.ExchangeSessionFacilitators.AsNoTracking().Where(f => f.UserId == userId)
                    .Join(db.ExchangeSessions, f => f.SessionId, s => s.Id, (_, s) => new { Session = s.Title, s.StartUtc })
                    .ToListAsync(cancellationToken),
                // The token itself is never stored, only its hash: the export says which feeds exist.
                CalendarFeeds = await db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId)
                    .Select(f => new { f.CreatedUtc, f.RevokedUtc }).ToListAsync(cancellationToken),
                PracticesPublished = await db.Practices.AsNoTracking().Where(p => p.PublishedById == userId)
                    .Select(p => new { p.Title, p.City, p.PublishedUtc, p.Contact }).ToListAsync(cancellationToken),
                CoursesOwned = await db.CourseOwners.AsNoTracking().Where(o => o.UserId == userId)
                    .Join(db.CourseDrafts, o => o.DraftId, d => d.Id, (o, d) => new { Course = d.Slug, o.AddedUtc }).ToListAsync(cancellationToken),
                Certificates = await db.Certificates.AsNoTracking().Where(c => c.UserId == userId)
                    .Select(c => new
                    {
                        c.Code, c.LearnerName, c.CourseTitle, c.CompletionDate, c.Hours, c.MunicipalityName, c.IssuingOrganisation, c.IssuedUtc,
                        c.VerificationUrl, c.RevokedUtc, c.RevocationReason,
                    })
                    .ToListAsync(cancellationToken),
                MailPreferences = await db.MailPreferences.AsNoTracking().Where(p => p.UserId == userId)
                    .Select(p => new { Stopped = p.Stopped.ToString(), Digest = p.Digest.ToString(), p.UpdatedUtc }).SingleOrDefaultAsync(cancellationToken),
                DigestItems = await db.DigestItems.AsNoTracking().Where(i => i.UserId == userId)
                    .Select(i => new { i.Title, i.Text, i.Url, i.CreatedUtc }).ToListAsync(cancellationToken),
                Mail = await db.OutboxMessages.AsNoTracking().Where(m => EF.Functions.ILike(m.ToAddress, MailAddressPattern.Exactly(email)))
                    .OrderBy(m => m.CreatedUtc)
                    .Select(m => new { m.ToAddress, m.ToName, m.Subject, m.TextBody, m.CreatedUtc, m.SentUtc, Status = m.Status.ToString() })
                    .ToListAsync(cancellationToken),
            };
            return JsonSerializer.SerializeToUtf8Bytes(document, Json);
        }
    }
}
