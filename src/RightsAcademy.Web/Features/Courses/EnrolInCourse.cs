using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>Self-enrolment in an open course; enrolling twice is harmless.</summary>
public static class EnrolInCourse
{
    public enum Outcome { Enrolled, AlreadyEnrolled, NotOpen, NotFound }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string slug, Guid userId, CancellationToken cancellationToken)
        {
            var course = await db.Courses.Where(c => c.Slug == slug && c.ArchivedUtc == null)
                .Select(c => new { c.Id, c.Enrolment }).SingleOrDefaultAsync(cancellationToken);
            if (course is null)
            {
                return Outcome.NotFound;
            }

            if (course.Enrolment != EnrolmentMode.Open)
            {
                return Outcome.NotOpen;
            }

            var now = clock.GetUtcNow();
            // The unique (user, course) index decides races: a double click enrols once.
            var inserted = await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "Enrolments" ("Id", "UserId", "CourseId", "EnrolledUtc", "LastActivityUtc")
                VALUES ({Guid.CreateVersion7()}, {userId}, {course.Id}, {now}, {now})
                ON CONFLICT ("UserId", "CourseId") DO NOTHING
                """, cancellationToken);
            return inserted == 1 ? Outcome.Enrolled : Outcome.AlreadyEnrolled;
        }
    }
}
