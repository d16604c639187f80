using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Features.Notifications;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>Cohort news (a non-urgent category): a module has opened. Single mail or digest item, as each member chose.</summary>
public sealed class CohortNews(AppDbContext db, Notifier notifier, IStringLocalizer<SharedResource> t, SiteAddress site)
{
    public static string ModuleOpenedKey(Guid paceId, Guid userId) => $"cohort-news:opened:{paceId}:{userId}";

    public async Task ModuleOpenedAsync(Cohort cohort, CohortPace pace, CancellationToken cancellationToken)
    {
        var members = await db.CohortMembers.AsNoTracking().Where(m => m.CohortId == cohort.Id && m.Status == CohortMemberStatus.Active)
            .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => u).ToListAsync(cancellationToken);
        var defaultLanguage = await db.Courses.Where(c => c.Id == cohort.CourseId).Select(c => c.DefaultLanguage).SingleAsync(cancellationToken);
        var texts = await db.ModuleTexts.AsNoTracking().Where(x => x.ModuleId == pace.ModuleId).Select(x => new { x.Language, x.Title })
            .ToListAsync(cancellationToken);
        foreach (var user in members)
        {
            var to = Recipient.Of(user);
            using var _ = new CultureScope(to.Language);
            var title = ContentLanguage.Pick(texts, x => x.Language, defaultLanguage)?.Title ?? "";
            var due = CohortCalendar.DueUtc(cohort, pace);
            var content = new MailContent(
                t["Mail.ModuleOpened.Subject", title].Value,
                [due is { } d ? t["Mail.ModuleOpened.BodyDue", title, cohort.Title, to.Format(d)].Value : t["Mail.ModuleOpened.Body", title, cohort.Title].Value],
                t["Mail.ModuleOpened.Action"].Value, site.Link($"my-cohorts/{cohort.Id}"));
            await notifier.NotifyAsync(to, MailCategory.CohortNews, ModuleOpenedKey(pace.Id, user.Id), content, cancellationToken);
        }
    }
}
