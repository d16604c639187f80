using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// The welcome mail with the cohort's schedule, when someone takes a place (joining, invited, or from the
/// waitlist). Essential: it confirms the place. One per cohort and person, written in the transaction that gave
/// the place; every date is shown in the member's zone and language.
/// </summary>
public sealed class CohortMails(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site)
{
    public static string WelcomeKey(Guid cohortId, Guid userId) => $"cohort-welcome:{cohortId}:{userId}";

    public async Task SendWelcomeAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
    {
        var cohort = await db.Cohorts.AsNoTracking().Include(c => c.Pacing).SingleAsync(c => c.Id == cohortId, cancellationToken);
        var user = await db.Users.AsNoTracking().SingleAsync(u => u.Id == userId, cancellationToken);
        var defaultLanguage = await db.Courses.Where(c => c.Id == cohort.CourseId).Select(c => c.DefaultLanguage).SingleAsync(cancellationToken);
        var moduleIds = cohort.Pacing.Select(p => p.ModuleId).ToList();
        var lessonIds = cohort.Pacing.Where(p => p.LessonId != null).Select(p => p.LessonId!.Value).ToList();
        var modules = await db.ModuleTexts.AsNoTracking().Where(x => moduleIds.Contains(x.ModuleId)).Select(x => new { x.ModuleId, x.Language, x.Title })
            .ToListAsync(cancellationToken);
        var lessons = await db.LessonTexts.AsNoTracking().Where(x => lessonIds.Contains(x.LessonId)).Select(x => new { x.LessonId, x.Language, x.Title })
            .ToListAsync(cancellationToken);
        var positions = await db.Modules.AsNoTracking().Where(m => moduleIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, m => m.Position, cancellationToken);

        var to = Recipient.Of(user);
        using var _ = new CultureScope(to.Language);
        var schedule = cohort.Pacing
            .OrderBy(p => CohortCalendar.ReleaseUtc(cohort, p)).ThenBy(p => positions.GetValueOrDefault(p.ModuleId)).ThenBy(p => p.LessonId.HasValue)
            .Select(p =>
            {
                var title = p.LessonId is { } lessonId
                    ? ContentLanguage.Pick(lessons.Where(l => l.LessonId == lessonId), l => l.Language, defaultLanguage)?.Title
                    : ContentLanguage.Pick(modules.Where(m => m.ModuleId == p.ModuleId), m => m.Language, defaultLanguage)?.Title;
                var opens = to.Format(CohortCalendar.ReleaseUtc(cohort, p));
                var detail = CohortCalendar.DueUtc(cohort, p) is { } due
                    ? t["Mail.CohortWelcome.OpensDue", opens, to.Format(due)].Value
                    : t["Mail.CohortWelcome.Opens", opens].Value;
                return new MailLine(title ?? "", null, detail);
            })
            .ToList();
        var content = new MailContent(
            t["Mail.CohortWelcome.Subject", cohort.Title].Value,
            [
                t["Mail.CohortWelcome.Body", to.Name, cohort.Title,
                    to.FormatDate(CohortCalendar.StartOfDayUtc(cohort.StartsOn, cohort.TimeZone)),
                    to.FormatDate(CohortCalendar.StartOfDayUtc(cohort.EndsOn, cohort.TimeZone))].Value,
                schedule.Count > 0 ? t["Mail.CohortWelcome.Schedule"].Value : t["Mail.CohortWelcome.NoSchedule"].Value,
            ],
            t["Mail.CohortWelcome.Action"].Value, site.Link($"my-cohorts/{cohort.Id}"), schedule);
        await notifier.SendEssentialAsync(to, WelcomeKey(cohort.Id, user.Id), content, cancellationToken: cancellationToken);
    }
}
