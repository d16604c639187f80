using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Reports;

/// <summary>
/// Whose figures a report covers, decided once from the viewer and the filter; every query reads only this.
/// <see cref="AcrossMunicipalities"/> views suppress every group of fewer than <see cref="SmallGroup"/> people.
/// </summary>
public sealed record ReportScope(
    IReadOnlyList<Guid> MunicipalityIds,
    bool AcrossMunicipalities,
    Guid? CohortId,
    Guid? CourseId,
    string? Department,
    DateTimeOffset FromUtc,
    DateTimeOffset ToUtc,
    bool HasDateRange,
    string TimeZone)
{
    public const int SmallGroup = 5;

    /// <summary>Only a single municipality has department targets to measure coverage against.</summary>
    public Guid? SingleMunicipality => AcrossMunicipalities || MunicipalityIds.Count != 1 ? null : MunicipalityIds[0];

    /// <summary>Before every record the site can hold; "no start date" reads as this.</summary>
    public static readonly DateTimeOffset Beginning = new(2000, 1, 1, 0, 0, 0, TimeSpan.Zero);
}

/// <summary>
/// The access rule for reports. Coordinators see their own municipality, exactly; a coordinator of a cohort that
/// spans municipalities may also see that cohort across its municipalities, with small groups suppressed. Admins
/// see any one municipality exactly, or all of them with suppression. Anything else (another municipality's id in
/// the URL, a cohort the coordinator neither runs nor shares) yields null, which the controller answers with 404.
/// </summary>
public sealed class ReportAccess(AppDbContext db, TimeProvider clock)
{
    public async Task<ReportScope?> ResolveAsync(ClaimsPrincipal user, ReportFilter filter, string timeZone, CancellationToken cancellationToken)
    {
        var municipalities = await MunicipalitiesAsync(user, filter, cancellationToken);
        if (municipalities is null)
        {
            return null;
        }

        if (filter.Cohort is { } cohortId && !await Cohorts(user, municipalities.Value.Ids).AnyAsync(c => c.Id == cohortId, cancellationToken))
        {
            return null;
        }

        var zone = TimeZoneCatalog.Find(timeZone);
        var from = filter.From is { } f ? LocalMidnightUtc(f, zone) : ReportScope.Beginning;
        var to = filter.To is { } t ? LocalMidnightUtc(t.AddDays(1), zone) : clock.GetUtcNow().AddDays(1);
        var department = string.IsNullOrWhiteSpace(filter.Department) ? null : filter.Department.Trim();
        return new ReportScope(municipalities.Value.Ids, municipalities.Value.Across, filter.Cohort, filter.Course, department, from, to,
            filter.From is not null || filter.To is not null, zone.Id);
    }

    /// <summary>The cohorts the viewer may filter by within the given municipalities.</summary>
    public IQueryable<Cohort> Cohorts(ClaimsPrincipal user, IReadOnlyList<Guid> municipalityIds)
    {
        if (user.IsInRole(Roles.Admin))
        {
            return db.Cohorts.Where(c => c.Municipalities.Any(m => municipalityIds.Contains(m.MunicipalityId)));
        }

        // A coordinator filters by the cohorts they run and by any cohort that includes their municipality: within
        // their own municipality's figures that only narrows what they may see anyway.
        var userId = user.UserId();
        var own = user.MunicipalityId();
        var across = municipalityIds.Count != 1 || municipalityIds[0] != own;
        return across
            ? db.Manageable(user).Where(c => c.Municipalities.Count > 1)
            : db.Cohorts.Where(c => c.Staff.Any(s => s.UserId == userId) || c.Municipalities.Any(m => m.MunicipalityId == own));
    }

    private async Task<(IReadOnlyList<Guid> Ids, bool Across)?> MunicipalitiesAsync(ClaimsPrincipal user, ReportFilter filter, CancellationToken cancellationToken)
    {
        var wantsAll = string.Equals(filter.Municipality, ReportFilter.AllMunicipalities, StringComparison.Ordinal);
        Guid? wanted = Guid.TryParse(filter.Municipality, out var id) ? id : null;
        if (!wantsAll && wanted is null && !string.IsNullOrEmpty(filter.Municipality))
        {
            return null;
        }

        if (user.IsInRole(Roles.Admin))
        {
            if (wanted is { } one)
            {
                return await db.Municipalities.AnyAsync(m => m.Id == one, cancellationToken) ? ([one], false) : null;
            }

            return (await db.Municipalities.Select(m => m.Id).ToListAsync(cancellationToken), true);
        }

        if (user.MunicipalityId() is not { } own)
        {
            return null;
        }

        if (wantsAll)
        {
            // Across municipalities only for a multi-city cohort the coordinator runs, and then only its members.
            if (filter.Cohort is not { } cohortId)
            {
                return null;
            }

            var cohortMunicipalities = await db.Manageable(user).Where(c => c.Id == cohortId)
                .SelectMany(c => c.Municipalities.Select(m => m.MunicipalityId)).ToListAsync(cancellationToken);
            return cohortMunicipalities.Count > 1 ? (cohortMunicipalities, true) : null;
        }

        return wanted is null || wanted == own ? ([own], false) : null;
    }

    private static DateTimeOffset LocalMidnightUtc(DateOnly date, TimeZoneInfo zone)
    {
        var local = date.ToDateTime(TimeOnly.MinValue);
        // A midnight skipped by a DST change starts the day an hour later.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        return new DateTimeOffset(local, zone.GetUtcOffset(local)).ToUniversalTime();
    }
}
