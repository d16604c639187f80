using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Self-join, with the cohort's code or, in open mode, from its page. Only staff of a participating municipality
/// may join, and only while the cohort accepts members; a full cohort puts the person on its waitlist.
/// </summary>
public static class JoinCohort
{
    public enum Outcome { Joined, Waitlisted, AlreadyMember, AlreadyWaitlisted, UnknownCode, NotOpen, NotYourMunicipality }

    public sealed record Result(Outcome Outcome, Guid? CohortId);

    public sealed class Handler(AppDbContext db, CohortSeats seats, TimeProvider clock)
    {
        public async Task<Result> ByCodeAsync(string code, Guid userId, CancellationToken cancellationToken)
        {
            var normalised = code.Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
            var cohort = await db.Cohorts.AsNoTracking()
                .SingleOrDefaultAsync(c => c.JoinCode == normalised && c.Mode == CohortEnrolmentMode.JoinCode, cancellationToken);
            return cohort is null ? new Result(Outcome.UnknownCode, null) : await JoinAsync(cohort, userId, cancellationToken);
        }

        public async Task<Result> OpenAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
        {
            var cohort = await db.Cohorts.AsNoTracking().SingleOrDefaultAsync(c => c.Id == cohortId && c.Mode == CohortEnrolmentMode.Open, cancellationToken);
            return cohort is null ? new Result(Outcome.NotOpen, null) : await JoinAsync(cohort, userId, cancellationToken);
        }

        private async Task<Result> JoinAsync(Cohort cohort, Guid userId, CancellationToken cancellationToken)
        {
            if (!CohortCalendar.AcceptsMembers(cohort, CohortCalendar.Today(clock.GetUtcNow(), cohort.TimeZone)))
            {
                return new Result(Outcome.NotOpen, cohort.Id);
            }

            var inMunicipality = await db.Users.AnyAsync(u => u.Id == userId
                && db.CohortMunicipalities.Any(m => m.CohortId == cohort.Id && m.MunicipalityId == u.MunicipalityId), cancellationToken);
            if (!inMunicipality)
            {
                return new Result(Outcome.NotYourMunicipality, cohort.Id);
            }

            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var outcome = await seats.AddAsync(cohort.Id, userId, cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            return new Result(outcome switch
            {
                CohortSeats.Outcome.Joined => Outcome.Joined,
                CohortSeats.Outcome.Waitlisted => Outcome.Waitlisted,
                CohortSeats.Outcome.AlreadyWaitlisted => Outcome.AlreadyWaitlisted,
                _ => Outcome.AlreadyMember,
            }, cohort.Id);
        }
    }
}
