using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>
/// Places in a cohort. Every change runs in the caller's transaction after locking the cohort row, so two people
/// taking the last place at the same moment cannot both get it, and the waitlist is served strictly in order.
/// An active member is enrolled in the course, so the course's lesson pages work unchanged.
/// </summary>
public sealed class CohortSeats(AppDbContext db, TimeProvider clock, CohortMails mails)
{
    public enum Outcome { Joined, Waitlisted, AlreadyMember, AlreadyWaitlisted }

    public async Task LockAsync(Guid cohortId, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""SELECT 1 FROM "Cohorts" WHERE "Id" = {cohortId} FOR UPDATE""", cancellationToken);

    /// <summary>Adds the person, or puts them on the waitlist when the cohort is full. Call inside a transaction.</summary>
    public async Task<Outcome> AddAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
    {
        await LockAsync(cohortId, cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.CourseId, c.Capacity, Active = c.Members.Count(m => m.Status == CohortMemberStatus.Active) })
            .SingleAsync(cancellationToken);
        var existing = await db.CohortMembers.SingleOrDefaultAsync(m => m.CohortId == cohortId && m.UserId == userId, cancellationToken);
        if (existing?.Status == CohortMemberStatus.Active)
        {
            return Outcome.AlreadyMember;
        }

        if (existing?.Status == CohortMemberStatus.Waitlisted)
        {
            return Outcome.AlreadyWaitlisted;
        }

        var now = clock.GetUtcNow();
        var member = existing ?? db.CohortMembers.Add(new CohortMember { CohortId = cohortId, UserId = userId }).Entity;
        member.RequestedUtc = now;
        if (cohort.Active < cohort.Capacity)
        {
            member.Status = CohortMemberStatus.Active;
            member.JoinedUtc = now;
            await db.SaveChangesAsync(cancellationToken);
            await EnrolAsync(userId, cohort.CourseId, now, cancellationToken);
            await mails.SendWelcomeAsync(cohortId, userId, cancellationToken);
            return Outcome.Joined;
        }

        member.Status = CohortMemberStatus.Waitlisted;
        await db.SaveChangesAsync(cancellationToken);
        return Outcome.Waitlisted;
    }

    /// <summary>A member leaves (or is removed); the first on the waitlist takes the place. Call inside a transaction.</summary>
    public async Task RemoveAsync(Guid cohortId, Guid userId, CancellationToken cancellationToken)
    {
        await LockAsync(cohortId, cancellationToken);
        await db.CohortMembers.Where(m => m.CohortId == cohortId && m.UserId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, CohortMemberStatus.Left), cancellationToken);
        await PromoteAsync(cohortId, cancellationToken);
    }

    /// <summary>Fills free places from the waitlist, oldest request first. Call inside a transaction.</summary>
    public async Task<int> PromoteAsync(Guid cohortId, CancellationToken cancellationToken)
    {
        await LockAsync(cohortId, cancellationToken);
        var cohort = await db.Cohorts.AsNoTracking().Where(c => c.Id == cohortId)
            .Select(c => new { c.CourseId, c.Capacity, Active = c.Members.Count(m => m.Status == CohortMemberStatus.Active) })
            .SingleAsync(cancellationToken);
        var free = cohort.Capacity - cohort.Active;
        if (free <= 0)
        {
            return 0;
        }

        var promoted = await db.CohortMembers
            .Where(m => m.CohortId == cohortId && m.Status == CohortMemberStatus.Waitlisted)
            .OrderBy(m => m.RequestedUtc).ThenBy(m => m.Id)
            .Take(free)
            .ToListAsync(cancellationToken);
        var now = clock.GetUtcNow();
        foreach (var member in promoted)
        {
            member.Status = CohortMemberStatus.Active;
            member.JoinedUtc = now;
        }

        await db.SaveChangesAsync(cancellationToken);
        foreach (var member in promoted)
        {
            await EnrolAsync(member.UserId, cohort.CourseId, now, cancellationToken);
            await mails.SendWelcomeAsync(cohortId, member.UserId, cancellationToken);
        }

        return promoted.Count;
    }

    // Same statement as self-enrolment: a person already enrolled on their own keeps their enrolment and progress.
    private async Task EnrolAsync(Guid userId, Guid courseId, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Enrolments" ("Id", "UserId", "CourseId", "EnrolledUtc", "LastActivityUtc")
            VALUES ({Guid.CreateVersion7()}, {userId}, {courseId}, {now}, {now})
            ON CONFLICT ("UserId", "CourseId") DO NOTHING
            """, cancellationToken);
}
