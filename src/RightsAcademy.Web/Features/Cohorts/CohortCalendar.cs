using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Cohorts;

/// <summary>Turns a cohort's local calendar days into UTC instants.</summary>
public static class CohortCalendar
{
    /// <summary>Days after the end before a closed cohort is archived (kept readable, out of the lists).</summary>
    public const int ArchiveAfterDays = 30;

    /// <summary>The first instant of <paramref name="day"/> in the zone.</summary>
    public static DateTimeOffset StartOfDayUtc(DateOnly day, string timeZone)
    {
        var zone = TimeZoneCatalog.Find(timeZone);
        var local = day.ToDateTime(TimeOnly.MinValue);
        // Where clocks jump forward at midnight (e.g. America/Santiago) midnight does not exist: the day starts
        // when the clocks show the first valid time after it.
        while (zone.IsInvalidTime(local))
        {
            local = local.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(local, zone), TimeSpan.Zero);
    }

    public static DateOnly Today(DateTimeOffset nowUtc, string timeZone) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(nowUtc, TimeZoneCatalog.Find(timeZone)).DateTime);

    public static DateOnly ReleaseDay(Cohort cohort, CohortPace pace) => cohort.StartsOn.AddDays(pace.ReleaseOffsetDays);

    public static DateOnly? DueDay(Cohort cohort, CohortPace pace) =>
        pace.DueOffsetDays is { } due ? cohort.StartsOn.AddDays(due) : null;

    public static DateTimeOffset ReleaseUtc(Cohort cohort, CohortPace pace) => StartOfDayUtc(ReleaseDay(cohort, pace), cohort.TimeZone);

    /// <summary>Due at the end of the due day, i.e. the start of the next one.</summary>
    public static DateTimeOffset? DueUtc(Cohort cohort, CohortPace pace) =>
        DueDay(cohort, pace) is { } day ? StartOfDayUtc(day.AddDays(1), cohort.TimeZone) : null;

    public static CohortStage StageOn(Cohort cohort, DateOnly today) =>
        today < cohort.EnrolmentOpensOn ? CohortStage.Planned
        : today < cohort.StartsOn ? CohortStage.EnrolmentOpen
        : today <= cohort.EndsOn ? CohortStage.Running
        : today <= cohort.EndsOn.AddDays(ArchiveAfterDays) ? CohortStage.Closed
        : CohortStage.Archived;

    /// <summary>Joining (by code, self-join or invitation) is possible from the enrolment day until the end.</summary>
    public static bool AcceptsMembers(Cohort cohort, DateOnly today) => today >= cohort.EnrolmentOpensOn && today <= cohort.EndsOn;
}
