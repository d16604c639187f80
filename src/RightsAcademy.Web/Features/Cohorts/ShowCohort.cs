using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>A cohort as its coordinator manages it: facts, staff, members and waitlist in order.</summary>
public static class ShowCohort
{
    public sealed record StaffRow(Guid UserId, string Name, string Email, CohortStaffRole Role);

    public sealed record MemberRow(Guid UserId, string Name, string Email, string Municipality, string? Department, CohortMemberStatus Status,
        DateTimeOffset RequestedUtc, bool Invited);

    public sealed record View(Cohort Cohort, string CourseSlug, string CourseTitle, IReadOnlyList<string> Municipalities,
        IReadOnlyList<(Guid Id, string Name)> MunicipalityChoices, IReadOnlyList<StaffRow> Staff, IReadOnlyList<MemberRow> Members);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<View?> HandleAsync(Guid id, ClaimsPrincipal user, string language, CancellationToken cancellationToken)
        {
            var cohort = await db.Manageable(user).AsNoTracking().SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (cohort is null)
            {
                return null;
            }

            var course = await db.Courses.Where(c => c.Id == cohort.CourseId)
                .Select(c => new { c.Slug, Title = c.Texts.OrderBy(t => t.Language == language ? 0 : t.Language == c.DefaultLanguage ? 1 : 2).Select(t => t.Title).FirstOrDefault() })
                .SingleAsync(cancellationToken);
            var municipalities = await db.CohortMunicipalities.Where(m => m.CohortId == id)
                .Join(db.Municipalities, cm => cm.MunicipalityId, m => m.Id, (cm, m) => new { m.Id, m.Name })
                .OrderBy(m => m.Name).ToListAsync(cancellationToken);
            var staff = await db.CohortStaff.Where(s => s.CohortId == id)
                .Join(db.Users, s => s.UserId, u => u.Id, (s, u) => new { s, u })
                .OrderBy(x => x.s.Role).ThenBy(x => x.u.DisplayName)
                .Select(x => new StaffRow(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.s.Role))
                .ToListAsync(cancellationToken);
            // Waitlist order is request order; members are listed by name.
            var members = await db.CohortMembers.Where(m => m.CohortId == id && m.Status != CohortMemberStatus.Left)
                .Join(db.Users, m => m.UserId, u => u.Id, (m, u) => new { m, u })
                .OrderBy(x => x.m.Status == CohortMemberStatus.Waitlisted ? x.m.RequestedUtc : DateTimeOffset.MinValue).ThenBy(x => x.u.DisplayName).ThenBy(x => x.m.Id)
                .Select(x => new MemberRow(x.u.Id, x.u.DisplayName, x.u.Email ?? "", x.u.Municipality!.Name, x.u.Department,
                    x.m.Status, x.m.RequestedUtc, x.u.InvitedUtc != null))
                .ToListAsync(cancellationToken);
            return new View(cohort, course.Slug, course.Title ?? course.Slug, [.. municipalities.Select(m => m.Name)],
                [.. municipalities.Select(m => (m.Id, m.Name))], staff, members);
        }
    }
}
