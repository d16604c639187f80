using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// Who may edit which course: its owners and admins. The Trainer policy only lets a person into /author; every
/// handler narrows through here, so another trainer's course answers 404 to a typed URL or a forged POST.
/// </summary>
public static class DraftAccess
{
    public static IQueryable<CourseDraft> Editable(this AppDbContext db, ClaimsPrincipal user)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.CourseDrafts;
        }

        var userId = user.UserId();
        return db.CourseDrafts.Where(d => d.Owners.Any(o => o.UserId == userId));
    }

    public static Task<CourseDraft?> FindEditableAsync(this AppDbContext db, ClaimsPrincipal user, string slug, CancellationToken cancellationToken) =>
        db.Editable(user).SingleOrDefaultAsync(d => d.Slug == slug, cancellationToken);
}
