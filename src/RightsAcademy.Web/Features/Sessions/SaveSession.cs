using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Schedules a session for cohorts the coordinator runs (or open to all staff), or changes one they manage. Every
/// change raises SEQUENCE in the same transaction, so calendars that imported the .ics take the update; after the
/// commit the reminder seam is told, so pending reminders follow a new time.
/// </summary>
public static class SaveSession
{
    public sealed record FieldError(string Field, string Key);

    public sealed record Result(Guid? SessionId, IReadOnlyList<FieldError> Errors, bool NotFound = false);

    public sealed class Handler(AppDbContext db, SessionMarkdown markdown, SessionSeats seats, ISessionReminders reminders, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid? id, SessionForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            ExchangeSession? session = null;
            if (id is not null)
            {
                session = await db.ManageableSessions(user).Include(s => s.Cohorts).Include(s => s.Facilitators)
                    .Include(s => s.PresentingMunicipalities).Include(s => s.PreWork)
                    .SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
                if (session is null)
                {
                    return new Result(null, [], NotFound: true);
                }
            }

            var errors = new List<FieldError>();
            var start = default(DateTimeOffset);
            if (!TimeZoneCatalog.IsKnown(form.TimeZone))
            {
                errors.Add(new(nameof(form.TimeZone), "Validation.Invalid"));
            }
            else if (SessionForm.ParseLocal(form.Start) is not { } local)
            {
                errors.Add(new(nameof(form.Start), "Sessions.StartInvalid"));
            }
            else
            {
                var (utc, problem) = SessionTime.ToUtc(local, form.TimeZone);
                if (problem == SessionTime.Problem.DoesNotExist)
                {
                    errors.Add(new(nameof(form.Start), "Sessions.StartDoesNotExist"));
                }

                start = utc;
            }

            var cohortIds = form.CohortIds.Distinct().ToList();
            if (await db.Manageable(user).CountAsync(c => cohortIds.Contains(c.Id), cancellationToken) != cohortIds.Count)
            {
                errors.Add(new(nameof(form.CohortIds), "Validation.Invalid"));
            }
            else if (cohortIds.Count == 0 && !form.OpenToAllStaff)
            {
                errors.Add(new(nameof(form.CohortIds), "Sessions.ChooseAudience"));
            }

            var meetingUrl = string.IsNullOrWhiteSpace(form.MeetingUrl) ? null : form.MeetingUrl.Trim();
            if (meetingUrl is not null && !(Uri.TryCreate(meetingUrl, UriKind.Absolute, out var uri) && uri.Scheme is "https" or "http"))
            {
                errors.Add(new(nameof(form.MeetingUrl), "Sessions.MeetingUrlInvalid"));
            }

            var venue = string.IsNullOrWhiteSpace(form.Venue) ? null : form.Venue.Trim();
            if (meetingUrl is null && venue is null)
            {
                errors.Add(new(nameof(form.MeetingUrl), "Sessions.LinkOrVenue"));
            }

            var facilitatorEmails = CohortForm.Emails(form.FacilitatorEmails).Select(e => e.ToUpperInvariant()).ToList();
            var facilitatorIds = await db.Users.Where(u => facilitatorEmails.Contains(u.NormalizedEmail!)).Select(u => u.Id).ToListAsync(cancellationToken);
            if (facilitatorIds.Count != facilitatorEmails.Count)
            {
                errors.Add(new(nameof(form.FacilitatorEmails), "Cohorts.UnknownStaff"));
            }

            var municipalityIds = form.MunicipalityIds.Distinct().ToList();
            if (await db.Municipalities.CountAsync(m => municipalityIds.Contains(m.Id), cancellationToken) != municipalityIds.Count)
            {
                errors.Add(new(nameof(form.MunicipalityIds), "Validation.Invalid"));
            }

            var lessonIds = form.LessonIds.Distinct().ToList();
            if (await db.Lessons.CountAsync(l => lessonIds.Contains(l.Id) && l.ArchivedUtc == null, cancellationToken) != lessonIds.Count)
            {
                errors.Add(new(nameof(form.LessonIds), "Validation.Invalid"));
            }

            if (errors.Count > 0)
            {
                return new Result(id, errors);
            }

            var now = clock.GetUtcNow();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            if (session is null)
            {
                session = new ExchangeSession { Title = "", AgendaMarkdown = "", AgendaHtml = "", HostTimeZone = "", CreatedUtc = now, CreatedById = user.UserId()!.Value };
                db.ExchangeSessions.Add(session);
            }
            else
            {
                // The form's version: a save over someone else's newer change fails instead of silently undoing it.
                db.Entry(session).Property(s => s.Version).OriginalValue = form.Version;
                session.Sequence++;
            }

            var capacityRaised = form.Capacity > session.Capacity;
            session.Title = form.Title.Trim();
            session.AgendaMarkdown = form.Agenda ?? "";
            session.AgendaHtml = markdown.ToHtml(form.Agenda);
            session.OpenToAllStaff = form.OpenToAllStaff;
            session.StartUtc = start;
            session.HostTimeZone = form.TimeZone;
            session.Duration = TimeSpan.FromMinutes(form.DurationMinutes);
            session.MeetingUrl = meetingUrl;
            session.Venue = venue;
            session.Capacity = form.Capacity;
            session.UpdatedUtc = now;
            Sync(session.Cohorts, cohortIds, c => c.CohortId, c => new ExchangeSessionCohort { CohortId = c });
            Sync(session.Facilitators, facilitatorIds, f => f.UserId, f => new ExchangeSessionFacilitator { UserId = f });
            Sync(session.PresentingMunicipalities, municipalityIds, m => m.MunicipalityId, m => new ExchangeSessionMunicipality { MunicipalityId = m });
            Sync(session.PreWork, lessonIds, l => l.LessonId, l => new ExchangeSessionLesson { LessonId = l });
            foreach (var lesson in session.PreWork)
            {
                lesson.Position = lessonIds.IndexOf(lesson.LessonId);
            }

            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException)
            {
                return new Result(id, [new("", "Sessions.ChangedMeanwhile")]);
            }

            if (capacityRaised && id is not null)
            {
                await seats.PromoteAsync(session.Id, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            if (id is not null)
            {
                await reminders.SessionChangedAsync(session.Id, cancellationToken);
            }

            return new Result(session.Id, []);
        }

        private static void Sync<T>(List<T> rows, IReadOnlyList<Guid> wanted, Func<T, Guid> key, Func<Guid, T> create)
        {
            rows.RemoveAll(r => !wanted.Contains(key(r)));
            rows.AddRange(wanted.Where(w => rows.All(r => key(r) != w)).Select(create));
        }
    }
}
