using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Reports;

public sealed record DepartmentTargetForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(AccountLimits.DepartmentMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.Department")]
    public string Department { get; init; } = "";

    [Required(ErrorMessage = "Validation.Required")]
    [Range(0, 1_000_000, ErrorMessage = "Reports.Target.Range")]
    [Display(Name = "Reports.Target.Headcount")]
    public int? Headcount { get; init; }
}

/// <summary>
/// A coordinator sets the headcount of a department of their municipality (an admin: of any); saving again
/// replaces it and zero removes it. The municipality's cached report views on this node are forgotten, so the
/// coordinator sees the new target at once (other nodes show it when their copy expires).
/// </summary>
public static class SetDepartmentTarget
{
    public sealed class Handler(AppDbContext db, TimeProvider clock, ReportFiguresCache cache)
    {
        public async Task<bool> HandleAsync(ClaimsPrincipal user, Guid municipalityId, DepartmentTargetForm form, CancellationToken cancellationToken)
        {
            var allowed = user.IsInRole(Roles.Admin)
                ? await db.Municipalities.AnyAsync(m => m.Id == municipalityId, cancellationToken)
                : user.MunicipalityId() == municipalityId;
            if (!allowed)
            {
                return false;
            }

            var department = form.Department.Trim();
            var existing = await db.DepartmentTargets.SingleOrDefaultAsync(x => x.MunicipalityId == municipalityId && x.Department == department, cancellationToken);
            if (form.Headcount is not > 0)
            {
                if (existing is not null)
                {
                    db.DepartmentTargets.Remove(existing);
                }
            }
            else if (existing is null)
            {
                db.DepartmentTargets.Add(new DepartmentTarget
                {
                    MunicipalityId = municipalityId, Department = department, Headcount = form.Headcount.Value, UpdatedUtc = clock.GetUtcNow(),
                });
            }
            else
            {
                existing.Headcount = form.Headcount.Value;
                existing.UpdatedUtc = clock.GetUtcNow();
            }

            await db.SaveChangesAsync(cancellationToken);
            // After saving: a view computed from now on reads the new target.
            cache.Evict(municipalityId);
            return true;
        }
    }
}
