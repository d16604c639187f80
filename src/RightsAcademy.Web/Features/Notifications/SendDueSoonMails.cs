using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// "Due soon": from two days before a module's (or lesson's) due date until it is due, once per learner who has
/// not finished it. Derived each run from the cohort's current plan, so a moved due date moves the mail; the key
/// names cohort, pace and learner, so re-runs send nothing twice. Waits for the end of the learner's quiet hours.
/// </summary>
public sealed class SendDueSoonMails(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site, TimeProvider clock)
{
    public static readonly TimeSpan Ahead = TimeSpan.FromDays(2);

    public static string Key(Guid cohortId, Guid paceId, Guid userId) => $"due-soon:{cohortId}:{paceId}:{userId}";

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow();
        var cohorts = await db.Cohorts.AsNoTracking().Include(c => c.Pacing)
            .Where(c => c.Stage != CohortStage.Archived && c.Stage != CohortStage.Closed && c.Pacing.Any(p => p.DueOffsetDays != null))
            .ToListAsync(cancellationToken);
        var written = 0;
        foreach (var cohort in cohorts)
        {
            foreach (var pace in cohort.Pacing)
            {
                if (CohortCalendar.DueUtc(cohort, pace) is not { } due || now < due - Ahead || now >= due
                    || now < CohortCalendar.ReleaseUtc(cohort, pace))
                {
                    continue;
                }

                written += await NotifyMembersAsync(cohort, pace, due, now, cancellationToken);
            }
        }

        return written;
    }

    private async Task<int> NotifyMembersAsync(Cohort cohort, CohortPace pace, DateTimeOffset due, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var lessons = await db.Lessons.AsNoTracking()
            .Where(l => l.ArchivedUtc == null && l.Required && (pace.LessonId == null ? l.ModuleId == pace.ModuleId : l.Id == pace.LessonId))
            .Select(l => l.Id).ToListAsync(cancellationToken);
        if (lessons.Count == 0)
        {
            return 0;
        }

        var learners = await db.CohortMembers.AsNoTracking()
            .Where(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Active)
            .Where(m => db.LessonCompletions.Count(c => c.UserId == m.UserId && lessons.Contains(c.LessonId)) < lessons.Count)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u)
            .ToListAsync(cancellationToken);
        var course = await db.Courses.AsNoTracking().Where(c => c.Id == cohort.CourseId).Select(c => c.DefaultLanguage).SingleAsync(cancellationToken);
        var written = 0;
        foreach (var user in learners)
        {
            var to = Recipient.Of(user);
            if (!QuietHours.MaySendNow(now, due, to.TimeZone))
            {
                continue;
            }

            using var _ = new CultureScope(to.Language);
            var title = await TitleAsync(pace, course, cancellationToken);
            var content = new MailContent(
                t["Mail.DueSoon.Subject", title].Value,
                [t["Mail.DueSoon.Body", to.Name, title, cohort.Title, to.Format(due)].Value],
                t["Mail.DueSoon.Action"].Value, site.Link($"my-cohorts/{cohort.Id}"));
            if (await notifier.NotifyAsync(to, MailCategory.DueSoon, Key(cohort.Id, pace.Id, user.Id), content, cancellationToken) is Notifier.Outcome.Mailed or Notifier.Outcome.Gathered)
            {
                written++;
            }
        }

        return written;
    }

    private async Task<string> TitleAsync(CohortPace pace, string defaultLanguage, CancellationToken cancellationToken)
    {
        if (pace.LessonId is { } lessonId)
        {
            var texts = await db.LessonTexts.AsNoTracking().Where(x => x.LessonId == lessonId).Select(x => new { x.Language, x.Title }).ToListAsync(cancellationToken);
            return ContentLanguage.Pick(texts, x => x.Language, defaultLanguage)?.Title ?? "";
        }

        var modules = await db.ModuleTexts.AsNoTracking().Where(x => x.ModuleId == pace.ModuleId).Select(x => new { x.Language, x.Title }).ToListAsync(cancellationToken);
        return ContentLanguage.Pick(modules, x => x.Language, defaultLanguage)?.Title ?? "";
    }
}
