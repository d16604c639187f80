using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// A new run of a cohort starting on another day: same course, municipalities, staff, capacity, mode and the same
/// relative plan (offsets copy as they are). Members are not copied; a new join code is drawn on save.
/// </summary>
public static class CopyCohort
{
    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Guid?> HandleAsync(Guid id, DateOnly newStart, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var source = await db.Manageable(user).AsNoTracking()
                .Include(c => c.Municipalities).Include(c => c.Staff).Include(c => c.Pacing)
                .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
            if (source is null)
            {
                return null;
            }

            var shift = newStart.DayNumber - source.StartsOn.DayNumber;
            var copy = new Cohort
            {
                CourseId = source.CourseId,
                Title = source.Title,
                EnrolmentOpensOn = source.EnrolmentOpensOn.AddDays(shift),
                StartsOn = newStart,
                EndsOn = source.EndsOn.AddDays(shift),
                TimeZone = source.TimeZone,
                Capacity = source.Capacity,
                Mode = source.Mode,
                JoinCode = source.Mode == CohortEnrolmentMode.JoinCode
                    ? System.Security.Cryptography.RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 8)
                    : null,
                CreatedUtc = clock.GetUtcNow(),
                CreatedById = user.UserId()!.Value,
                Municipalities = [.. source.Municipalities.Select(m => new CohortMunicipality { MunicipalityId = m.MunicipalityId })],
                Staff = [.. source.Staff.Select(s => new CohortStaff { UserId = s.UserId, Role = s.Role })],
                Pacing = [.. source.Pacing.Select(p => new CohortPace
                {
                    ModuleId = p.ModuleId, LessonId = p.LessonId, ReleaseOffsetDays = p.ReleaseOffsetDays, DueOffsetDays = p.DueOffsetDays,
                })],
            };
            copy.Stage = CohortCalendar.StageOn(copy, CohortCalendar.Today(clock.GetUtcNow(), copy.TimeZone));
            if (copy.Staff.All(s => s.UserId != copy.CreatedById) && !user.IsInRole(Roles.Admin))
            {
                copy.Staff.Add(new CohortStaff { UserId = copy.CreatedById, Role = CohortStaffRole.Coordinator });
            }

            db.Cohorts.Add(copy);
            await db.SaveChangesAsync(cancellationToken);
            return copy.Id;
        }
    }
}
