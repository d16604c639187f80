using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// A session's start is typed as a wall-clock time in the host's zone and stored in UTC. The host's zone is kept
/// too, so the page can show the viewer's time with the host's beside it and the calendar file can carry the
/// host's VTIMEZONE (calendars then follow later changes to that zone's rules).
/// </summary>
public static class SessionTime
{
    public enum Problem { None, DoesNotExist }

    /// <summary>
    /// The UTC instant of <paramref name="local"/> in <paramref name="zoneId"/>. A time the clocks skip (e.g. 02:30
    /// when summer time begins) is refused rather than guessed; a time that occurs twice (when clocks go back)
    /// is read as the first occurrence, which is what people mean when they type it before the change.
    /// </summary>
    public static (DateTimeOffset Utc, Problem Problem) ToUtc(DateTime local, string zoneId)
    {
        var zone = TimeZoneCatalog.Find(zoneId);
        var unspecified = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (zone.IsInvalidTime(unspecified))
        {
            return (default, Problem.DoesNotExist);
        }

        var offset = zone.IsAmbiguousTime(unspecified) ? zone.GetAmbiguousTimeOffsets(unspecified).Max() : zone.GetUtcOffset(unspecified);
        return (new DateTimeOffset(unspecified, offset).ToUniversalTime(), Problem.None);
    }

    public static DateTimeOffset InZone(DateTimeOffset utc, string zoneId) => TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(zoneId));
}
