using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// After a session its facilitators (or the coordinators running it) record who attended and the outcomes. The list
/// is everyone who answered plus the active members of the session's cohorts. Recording attendance evaluates each
/// cohort member's completion in the same transaction: for a cohort run attendance is part of the rule, and the
/// certificate job that completing asks for is idempotent.
/// </summary>
public static class RecordSession
{
    public sealed record Person(Guid UserId, string Name, string Municipality, RsvpAnswer? Answer, bool Attended);

    public sealed record View(Guid Id, string Title, DateTimeOffset StartUtc, bool Started, IReadOnlyList<Person> People, string? Outcomes);

    public enum Outcome { Saved, NotFound, NotStarted }

    public sealed class Handler(AppDbContext db, SessionMarkdown markdown, CourseCompletion completion, TimeProvider clock)
    {
        public async Task<View?> LoadAsync(Guid id, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var session = await db.RecordableSessions(user).AsNoTracking().Where(s => s.Id == id)
                .Select(s => new { s.Id, s.Title, s.StartUtc, s.OutcomesMarkdown }).SingleOrDefaultAsync(cancellationToken);
            if (session is null)
            {
                return null;
            }

            return new View(session.Id, session.Title, session.StartUtc, session.StartUtc <= clock.GetUtcNow(),
                await PeopleAsync(id, cancellationToken), session.OutcomesMarkdown);
        }

        public async Task<Outcome> HandleAsync(Guid id, RecordForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var session = await db.RecordableSessions(user).Include(s => s.Cohorts).SingleOrDefaultAsync(s => s.Id == id, cancellationToken);
            if (session is null)
            {
                return Outcome.NotFound;
            }

            var now = clock.GetUtcNow();
            if (session.StartUtc > now)
            {
                return Outcome.NotStarted;
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var people = await PeopleAsync(id, cancellationToken);
            var existing = await db.SessionAttendances.Where(a => a.SessionId == id).ToDictionaryAsync(a => a.UserId, cancellationToken);
            var recorder = user.UserId()!.Value;
            var changed = new List<Guid>();
            foreach (var person in people)
            {
                var attended = form.Attended.Contains(person.UserId);
                if (existing.TryGetValue(person.UserId, out var row))
                {
                    if (row.Attended == attended)
                    {
                        continue;
                    }

                    row.Attended = attended;
                    row.RecordedById = recorder;
                    row.RecordedUtc = now;
                }
                else
                {
                    db.SessionAttendances.Add(new SessionAttendance { SessionId = id, UserId = person.UserId, Attended = attended, RecordedById = recorder, RecordedUtc = now });
                }

                changed.Add(person.UserId);
            }

            session.OutcomesMarkdown = string.IsNullOrWhiteSpace(form.Outcomes) ? null : form.Outcomes;
            session.OutcomesHtml = string.IsNullOrWhiteSpace(form.Outcomes) ? null : markdown.ToHtml(form.Outcomes);
            session.OutcomesRecordedUtc = now;
            await db.SaveChangesAsync(cancellationToken);

            // Completion for each attendee in a cohort of this session; the rule counts attendance per cohort run.
            var cohortIds = session.Cohorts.Select(c => c.CohortId).ToList();
            var runs = await db.CohortMembers.Where(m => cohortIds.Contains(m.CohortId) && changed.Contains(m.UserId) && m.Status == CohortMemberStatus.Active)
                .Join(db.Cohorts, m => m.CohortId, c => c.Id, (m, c) => new { m.UserId, c.CourseId }).Distinct().ToListAsync(cancellationToken);
            foreach (var run in runs)
            {
                await completion.EvaluateAsync(run.UserId, run.CourseId, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
            return Outcome.Saved;
        }

        private async Task<IReadOnlyList<Person>> PeopleAsync(Guid id, CancellationToken cancellationToken)
        {
            var cohortIds = db.ExchangeSessionCohorts.Where(c => c.SessionId == id).Select(c => c.CohortId);
            var ids = db.SessionRsvps.Where(r => r.SessionId == id).Select(r => r.UserId)
                .Union(db.CohortMembers.Where(m => cohortIds.Contains(m.CohortId) && m.Status == CohortMemberStatus.Active).Select(m => m.UserId));
            return await db.Users.Where(u => ids.Contains(u.Id))
                .OrderBy(u => u.Municipality!.Name).ThenBy(u => u.DisplayName)
                .Select(u => new Person(u.Id, u.DisplayName, u.Municipality!.Name,
                    db.SessionRsvps.Where(r => r.SessionId == id && r.UserId == u.Id).Select(r => (RsvpAnswer?)r.Answer).FirstOrDefault(),
                    db.SessionAttendances.Any(a => a.SessionId == id && a.UserId == u.Id && a.Attended)))
                .ToListAsync(cancellationToken);
        }
    }
}
