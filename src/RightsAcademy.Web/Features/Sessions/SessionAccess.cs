using System.Security.Claims;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// Who may see and change which session. Every page and download starts from one of these queries, so a guessed
/// id of a session the person may not see answers 404 and never reveals that it exists.
/// </summary>
public static class SessionAccess
{
    /// <summary>
    /// Open sessions, sessions of cohorts the person is an active member or staff of, and sessions they facilitate.
    /// Waitlisted or departed cohort members do not see the cohort's sessions.
    /// </summary>
    public static IQueryable<ExchangeSession> VisibleSessions(this AppDbContext db, ClaimsPrincipal user) =>
        user.IsInRole(Roles.Admin) ? db.ExchangeSessions : VisibleSessions(db, user.UserId());

    public static IQueryable<ExchangeSession> VisibleSessions(this AppDbContext db, Guid? userId) =>
        db.ExchangeSessions.Where(s => s.OpenToAllStaff
            || s.Facilitators.Any(f => f.UserId == userId)
            || s.Cohorts.Any(c => db.CohortMembers.Any(m => m.CohortId == c.CohortId && m.UserId == userId && m.Status == CohortMemberStatus.Active)
                || db.CohortStaff.Any(st => st.CohortId == c.CohortId && st.UserId == userId)));

    /// <summary>
    /// Sessions the person may edit, reschedule and cancel: those of cohorts they coordinate (every cohort of the
    /// session, so one coordinator cannot move a session shared with a cohort they do not run), and open sessions
    /// they created. Admins manage all.
    /// </summary>
    public static IQueryable<ExchangeSession> ManageableSessions(this AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.ExchangeSessions;
        }

        var userId = user.UserId();
        return db.ExchangeSessions.Where(s =>
            (s.Cohorts.Any() && s.Cohorts.All(c => db.CohortStaff.Any(st => st.CohortId == c.CohortId && st.UserId == userId && st.Role == CohortStaffRole.Coordinator)))
            || (!s.Cohorts.Any() && s.CreatedById == userId));
    }

    /// <summary>
    /// Sessions whose attendance and outcomes the person may record: those they facilitate, and those of a cohort they
    /// coordinate (or created, when open).
    /// </summary>
    public static IQueryable<ExchangeSession> RecordableSessions(this AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.ExchangeSessions;
        }

        var userId = user.UserId();
        return db.ExchangeSessions.Where(s => s.Facilitators.Any(f => f.UserId == userId)
            || s.Cohorts.Any(c => db.CohortStaff.Any(st => st.CohortId == c.CohortId && st.UserId == userId && st.Role == CohortStaffRole.Coordinator))
            || (!s.Cohorts.Any() && s.CreatedById == userId));
    }
}
