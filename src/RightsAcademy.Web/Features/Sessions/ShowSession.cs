using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>A session as a participant sees it, with what the viewer may do there (answer, manage, record, publish).</summary>
public static class ShowSession
{
    public sealed record Link(string Title, string Url);

    public sealed record PracticeLink(Guid Id, string Title, string Municipality);

    public sealed record View(Guid Id, string Title, string AgendaHtml, DateTimeOffset StartUtc, TimeSpan Duration, string HostTimeZone,
        string? MeetingUrl, string? Venue, int Capacity, int Taken, int Waiting, DateTimeOffset? CancelledUtc, string? OutcomesHtml,
        IReadOnlyList<string> Cohorts, bool OpenToAllStaff, IReadOnlyList<string> Facilitators, IReadOnlyList<string> Municipalities,
        IReadOnlyList<Link> PreWork, IReadOnlyList<PracticeLink> Practices, RsvpAnswer? MyAnswer, bool CanManage, bool CanRecord, bool CanPublish,
        bool IsOver);

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<View?> HandleAsync(Guid id, ClaimsPrincipal user, string language, CancellationToken cancellationToken)
        {
            var s = await db.VisibleSessions(user).AsNoTracking().Where(x => x.Id == id).Select(x => new
            {
                x.Id, x.Title, x.AgendaHtml, x.StartUtc, x.Duration, x.HostTimeZone, x.MeetingUrl, x.Venue, x.Capacity, x.CancelledUtc, x.OutcomesHtml,
                x.OpenToAllStaff,
                Taken = db.SessionRsvps.Count(r => r.SessionId == x.Id && r.Answer == RsvpAnswer.Yes),
                Waiting = db.SessionRsvps.Count(r => r.SessionId == x.Id && r.Answer == RsvpAnswer.Waitlisted),
                Cohorts = x.Cohorts.Join(db.Cohorts, c => c.CohortId, c => c.Id, (_, c) => c.Title).ToList(),
                Facilitators = x.Facilitators.Join(db.Users, f => f.UserId, u => u.Id, (_, u) => u.DisplayName).ToList(),
                Municipalities = x.PresentingMunicipalities.Join(db.Municipalities, m => m.MunicipalityId, m => m.Id, (_, m) => m.Name).ToList(),
                PreWork = x.PreWork.OrderBy(p => p.Position).Join(db.Lessons, p => p.LessonId, l => l.Id, (_, l) => new
                {
                    CourseSlug = l.Course!.Slug, ModuleSlug = l.Module!.Slug, l.Slug,
                    Title = l.Texts.OrderBy(t => t.Language == language ? 0 : t.Language == l.Course.DefaultLanguage ? 1 : 2).Select(t => t.Title).FirstOrDefault(),
                }).ToList(),
            }).SingleOrDefaultAsync(cancellationToken);
            if (s is null)
            {
                return null;
            }

            var userId = user.UserId();
            var myAnswer = await db.SessionRsvps.Where(r => r.SessionId == id && r.UserId == userId).Select(r => (RsvpAnswer?)r.Answer).SingleOrDefaultAsync(cancellationToken);
            var canManage = await db.ManageableSessions(user).AnyAsync(x => x.Id == id, cancellationToken);
            var canRecord = await db.RecordableSessions(user).AnyAsync(x => x.Id == id, cancellationToken);
            var canPublish = s.Municipalities.Count > 0 && await Practices.PracticeAccess.CanPublishAsync(db, user, id, cancellationToken);
            var practices = await db.Practices.Where(p => p.SessionId == id).OrderBy(p => p.PublishedUtc)
                .Join(db.Municipalities, p => p.MunicipalityId, m => m.Id, (p, m) => new PracticeLink(p.Id, p.Title, m.Name))
                .ToListAsync(cancellationToken);
            return new View(s.Id, s.Title, s.AgendaHtml, s.StartUtc, s.Duration, s.HostTimeZone, s.MeetingUrl, s.Venue, s.Capacity, s.Taken, s.Waiting,
                s.CancelledUtc, s.OutcomesHtml, s.Cohorts, s.OpenToAllStaff, s.Facilitators, s.Municipalities,
                [.. s.PreWork.Select(p => new Link(p.Title ?? p.Slug, $"/courses/{p.CourseSlug}/{p.ModuleSlug}/{p.Slug}"))], practices, myAnswer,
                canManage, canRecord, canPublish, s.StartUtc + s.Duration < clock.GetUtcNow());
        }
    }
}
