using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>An admin gives a trainer the right to edit a course. Only trainers and admins can be owners: the
/// workspace is behind the Trainer policy anyway.</summary>
public static class AddOwner
{
    public enum Outcome { Added, NotFound, UnknownTrainer }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(string courseSlug, string email, CancellationToken cancellationToken)
        {
            var draft = await db.CourseDrafts.SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return Outcome.NotFound;
            }

            var normalised = email.Trim().ToUpperInvariant();
            var trainerRoles = await db.Roles.Where(r => r.Name == Roles.Trainer || r.Name == Roles.Admin).Select(r => r.Id).ToListAsync(cancellationToken);
            var userId = await db.Users.Where(u => u.NormalizedEmail == normalised && db.UserRoles.Any(ur => ur.UserId == u.Id && trainerRoles.Contains(ur.RoleId)))
                .Select(u => (Guid?)u.Id).SingleOrDefaultAsync(cancellationToken);
            if (userId is null)
            {
                return Outcome.UnknownTrainer;
            }

            if (!await db.CourseOwners.AnyAsync(o => o.DraftId == draft.Id && o.UserId == userId, cancellationToken))
            {
                db.CourseOwners.Add(new CourseOwner { DraftId = draft.Id, UserId = userId.Value, AddedUtc = clock.GetUtcNow() });
                await db.SaveChangesAsync(cancellationToken);
            }

            return Outcome.Added;
        }
    }
}
