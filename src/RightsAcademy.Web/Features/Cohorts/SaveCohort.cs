using System.Security.Cryptography;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Creates a cohort (its creator becomes a coordinator) or changes one the user manages. Moving the start moves
/// every lesson date with it because those are stored as offsets. Raising the capacity serves the waitlist.
/// </summary>
public static class SaveCohort
{
    public sealed record FieldError(string Field, string Key);

    public sealed record Result(Guid? CohortId, IReadOnlyList<FieldError> Errors, bool NotFound = false);

    public sealed class Handler(AppDbContext db, CohortSeats seats, TimeProvider clock)
    {
        public async Task<Result> HandleAsync(Guid? id, CohortForm form, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            Cohort? cohort = null;
            if (id is not null)
            {
                cohort = await db.Manageable(user).Include(c => c.Municipalities).Include(c => c.Staff)
                    .SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
                if (cohort is null)
                {
                    return new Result(null, [], NotFound: true);
                }
            }

            var errors = new List<FieldError>();
            var opens = CohortForm.Parse(form.EnrolmentOpensOn);
            var starts = CohortForm.Parse(form.StartsOn);
            var ends = CohortForm.Parse(form.EndsOn);
            if (opens is null) errors.Add(new(nameof(form.EnrolmentOpensOn), "Validation.Invalid"));
            if (starts is null) errors.Add(new(nameof(form.StartsOn), "Validation.Invalid"));
            if (ends is null) errors.Add(new(nameof(form.EndsOn), "Validation.Invalid"));
            if (starts is not null && ends is not null && ends < starts) errors.Add(new(nameof(form.EndsOn), "Cohorts.EndBeforeStart"));
            if (starts is not null && opens is not null && opens > starts) errors.Add(new(nameof(form.EnrolmentOpensOn), "Cohorts.OpensAfterStart"));
            if (!TimeZoneCatalog.IsKnown(form.TimeZone)) errors.Add(new(nameof(form.TimeZone), "Validation.Invalid"));
            if (!Enum.IsDefined(form.Mode)) errors.Add(new(nameof(form.Mode), "Validation.Invalid"));
            if (!await db.Courses.AnyAsync(c => c.Id == form.CourseId && c.ArchivedUtc == null, cancellationToken))
            {
                errors.Add(new(nameof(form.CourseId), "Validation.Invalid"));
            }

            var municipalityIds = form.MunicipalityIds.Distinct().ToList();
            if (municipalityIds.Count == 0 || await db.Municipalities.CountAsync(m => municipalityIds.Contains(m.Id), cancellationToken) != municipalityIds.Count)
            {
                errors.Add(new(nameof(form.MunicipalityIds), "Cohorts.ChooseMunicipality"));
            }

            var staffEmails = CohortForm.Emails(form.CoordinatorEmails).Concat(CohortForm.Emails(form.FacilitatorEmails))
                .Select(e => e.ToUpperInvariant()).ToList();
            var staffUsers = await db.Users.Where(u => staffEmails.Contains(u.NormalizedEmail!))
                .Select(u => new { u.Id, u.NormalizedEmail }).ToListAsync(cancellationToken);
            if (staffUsers.Count != staffEmails.Distinct().Count())
            {
                errors.Add(new(nameof(form.FacilitatorEmails), "Cohorts.UnknownStaff"));
            }

            if (errors.Count > 0)
            {
                return new Result(id, errors);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var creatorId = user.UserId()!.Value;
            if (cohort is null)
            {
                cohort = new Cohort { Title = "", TimeZone = "", CreatedUtc = clock.GetUtcNow(), CreatedById = creatorId };
                db.Cohorts.Add(cohort);
            }

            cohort.CourseId = form.CourseId!.Value;
            cohort.Title = form.Title.Trim();
            cohort.EnrolmentOpensOn = opens!.Value;
            cohort.StartsOn = starts!.Value;
            cohort.EndsOn = ends!.Value;
            cohort.TimeZone = form.TimeZone;
            cohort.Capacity = form.Capacity;
            cohort.Mode = form.Mode;
            cohort.JoinCode = form.Mode == CohortEnrolmentMode.JoinCode ? cohort.JoinCode ?? NewJoinCode() : null;
            cohort.Stage = CohortCalendar.StageOn(cohort, CohortCalendar.Today(clock.GetUtcNow(), cohort.TimeZone));

            cohort.Municipalities.RemoveAll(m => !municipalityIds.Contains(m.MunicipalityId));
            cohort.Municipalities.AddRange(municipalityIds.Where(m => cohort.Municipalities.All(x => x.MunicipalityId != m))
                .Select(m => new CohortMunicipality { MunicipalityId = m }));

            var coordinators = CohortForm.Emails(form.CoordinatorEmails).Select(e => e.ToUpperInvariant()).ToHashSet();
            var wanted = staffUsers.ToDictionary(u => u.Id,
                u => coordinators.Contains(u.NormalizedEmail!) ? CohortStaffRole.Coordinator : CohortStaffRole.Facilitator);
            // The person saving keeps managing the cohort they create; an admin editing does not become staff.
            if (cohort.Staff.Count == 0 || cohort.Staff.Any(s => s.UserId == creatorId && s.Role == CohortStaffRole.Coordinator))
            {
                wanted[creatorId] = CohortStaffRole.Coordinator;
            }

            cohort.Staff.RemoveAll(s => !wanted.ContainsKey(s.UserId));
            foreach (var (userId, role) in wanted)
            {
                var existing = cohort.Staff.Find(s => s.UserId == userId);
                if (existing is null)
                {
                    cohort.Staff.Add(new CohortStaff { UserId = userId, Role = role });
                }
                else
                {
                    existing.Role = role;
                }
            }

            await db.SaveChangesAsync(cancellationToken);
            await seats.PromoteAsync(cohort.Id, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(cohort.Id, []);
        }

        // No 0/O or 1/I/L: codes are read aloud and typed from slides.
        private static string NewJoinCode() => RandomNumberGenerator.GetString("ABCDEFGHJKMNPQRSTUVWXYZ23456789", 8);
    }
}
