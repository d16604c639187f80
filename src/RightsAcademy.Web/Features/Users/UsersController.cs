using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Users;

/// <summary>Admins manage everyone; coordinators see and invite the staff of their own municipality.</summary>
[Authorize(Policy = Policies.Coordinator)]
[Route("admin/users")]
public sealed class UsersController(AppDbContext db, IStringLocalizer<SharedResource> t) : Controller
{
    private const int PageSize = 50;

    [HttpGet("")]
    public async Task<IActionResult> Index(string? search, int page = 1, CancellationToken cancellationToken = default)
    {
        page = Math.Max(page, 1);
        var isAdmin = User.IsInRole(Roles.Admin);
        var municipalityId = User.MunicipalityId();
        // Deleted accounts stay only as anonymous rows for reports: nobody to manage.
        var query = db.Users.AsNoTracking().Where(u => u.DeletedUtc == null);
        if (!isAdmin)
        {
            query = query.Where(u => u.MunicipalityId == municipalityId);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = $"%{search.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal)}%";
            query = query.Where(u => EF.Functions.ILike(u.DisplayName, pattern) || EF.Functions.ILike(u.Email!, pattern));
        }

        var users = await query.OrderBy(u => u.DisplayName).ThenBy(u => u.Id)
            .Skip((page - 1) * PageSize).Take(PageSize + 1)
            .Select(u => new { u.Id, u.DisplayName, u.Email, Municipality = u.Municipality!.Name, u.InvitedUtc, u.CreatedUtc })
            .ToListAsync(cancellationToken);
        var ids = users.Select(u => u.Id).ToList();
        var roles = await (from ur in db.UserRoles
                           join r in db.Roles on ur.RoleId equals r.Id
                           where ids.Contains(ur.UserId)
                           select new { ur.UserId, r.Name }).ToListAsync(cancellationToken);
        var rows = users.Take(PageSize).Select(u => new UserRow(u.Id, u.DisplayName, u.Email ?? "", u.Municipality,
                [.. roles.Where(r => r.UserId == u.Id).Select(r => r.Name!).Order(StringComparer.Ordinal)], u.InvitedUtc is not null, u.CreatedUtc))
            .ToList();
        return View(new UserListPage(rows, search, page, users.Count > PageSize, isAdmin));
    }

    [HttpGet("invite")]
    public async Task<IActionResult> Invite(string? invited, CancellationToken cancellationToken)
    {
        var form = new InviteForm { MunicipalityId = User.MunicipalityId() };
        return View(await InvitePageAsync(form, invited, cancellationToken));
    }

    [HttpPost("invite")]
    public async Task<IActionResult> Invite([Bind(Prefix = "Form")] InviteForm form, [FromServices] InviteUser.Handler handler,
        CancellationToken cancellationToken)
    {
        if (!SupportedCultures.IsSupported(form.Language))
        {
            ModelState.AddModelError("Form.Language", t["Validation.Invalid"]);
        }

        if (!ModelState.IsValid)
        {
            return View(await InvitePageAsync(form, null, cancellationToken));
        }

        var timeZone = await db.Municipalities.Where(m => m.Id == form.MunicipalityId).Select(m => m.TimeZone).SingleOrDefaultAsync(cancellationToken);
        var result = await handler.HandleAsync(
            new InviteUser.Command(form.Email.Trim(), form.DisplayName.Trim(), form.MunicipalityId!.Value, form.Role, form.Language, timeZone ?? "UTC"),
            User, (userId, code) => Url.Action("AcceptInvitation", "Account", new { userId, code }, Request.Scheme)!, cancellationToken);
        switch (result.Outcome)
        {
            case InviteUser.Outcome.EmailTaken:
                ModelState.AddModelError("Form.Email", t["Invite.EmailTaken"]);
                break;
            case InviteUser.Outcome.MunicipalityNotAllowed:
                ModelState.AddModelError("Form.MunicipalityId", t["Invite.MunicipalityNotAllowed"]);
                break;
            case InviteUser.Outcome.RoleNotAllowed:
                ModelState.AddModelError("Form.Role", t["Invite.RoleNotAllowed"]);
                break;
            case InviteUser.Outcome.Invited:
                return RedirectToAction(nameof(Invite), new { invited = result.User!.Email });
        }

        return View(await InvitePageAsync(form, null, cancellationToken));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpGet("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [FromServices] UserManager<AppUser> userManager, CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var form = new UserRolesForm { Roles = [.. await userManager.GetRolesAsync(user)], MunicipalityId = user.MunicipalityId };
        return View(new UserEditPage(user.Id, user.DisplayName, user.Email ?? "", form, await MunicipalityChoicesAsync(form.MunicipalityId, cancellationToken)));
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("{id:guid}")]
    public async Task<IActionResult> Edit(Guid id, [Bind(Prefix = "Form")] UserRolesForm form, [FromServices] UserManager<AppUser> userManager,
        CancellationToken cancellationToken)
    {
        var user = await userManager.FindByIdAsync(id.ToString());
        if (user is null)
        {
            return NotFound();
        }

        var wanted = form.Roles.Where(Roles.All.Contains).Distinct().ToList();
        if (wanted.Count == 0)
        {
            ModelState.AddModelError("Form.Roles", t["Users.RoleRequired"]);
        }

        if (form.MunicipalityId is { } mid && !await db.Municipalities.AnyAsync(m => m.Id == mid, cancellationToken))
        {
            ModelState.AddModelError("Form.MunicipalityId", t["Validation.Invalid"]);
        }

        // An admin cannot remove their own Admin role: the site must never be left without one by accident.
        if (user.Id == User.UserId() && !wanted.Contains(Roles.Admin))
        {
            ModelState.AddModelError("Form.Roles", t["Users.CannotDropOwnAdmin"]);
        }

        if (!ModelState.IsValid)
        {
            return View(new UserEditPage(user.Id, user.DisplayName, user.Email ?? "", form with { Roles = wanted },
                await MunicipalityChoicesAsync(form.MunicipalityId, cancellationToken)));
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var current = await userManager.GetRolesAsync(user);
        await userManager.RemoveFromRolesAsync(user, current.Except(wanted));
        await userManager.AddToRolesAsync(user, wanted.Except(current));
        user.MunicipalityId = form.MunicipalityId!.Value;
        await userManager.UpdateAsync(user);
        // Role changes must reach the user's cookie soon, not at its natural expiry.
        await userManager.UpdateSecurityStampAsync(user);
        await transaction.CommitAsync(cancellationToken);
        return RedirectToAction(nameof(Index));
    }

    private async Task<InvitePage> InvitePageAsync(InviteForm form, string? invited, CancellationToken cancellationToken)
    {
        var isAdmin = User.IsInRole(Roles.Admin);
        var ownMunicipality = User.MunicipalityId();
        var municipalities = await db.Municipalities
            .Where(m => isAdmin || m.Id == ownMunicipality)
            .OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken);
        var roles = (isAdmin ? Roles.All : InviteUser.Handler.CoordinatorMayGrant)
            .Select(r => new SelectListItem(t[$"Role.{r}"], r, r == form.Role));
        return new InvitePage(form,
            municipalities.Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == form.MunicipalityId)),
            roles, SelectLists.Languages(form.Language), invited);
    }

    private async Task<IEnumerable<SelectListItem>> MunicipalityChoicesAsync(Guid? selected, CancellationToken cancellationToken) =>
        (await db.Municipalities.OrderBy(m => m.Name).Select(m => new { m.Id, m.Name }).ToListAsync(cancellationToken))
        .Select(m => new SelectListItem(m.Name, m.Id.ToString(), m.Id == selected));
}
