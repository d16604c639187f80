using System.Globalization;
using RightsAcademy.Web.Features.Accounts;

namespace RightsAcademy.Web.Infrastructure.Time;

/// <summary>Times are stored in UTC and shown in the viewer's time zone (from the profile) and language.</summary>
public sealed class ViewerClock(IHttpContextAccessor accessor)
{
    public string TimeZoneId =>
        accessor.HttpContext?.User.Find(AppClaims.TimeZone) is { } id && TimeZoneCatalog.IsKnown(id) ? id : TimeZoneCatalog.Fallback;

    public DateTimeOffset ToViewer(DateTimeOffset utc) => TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(TimeZoneId));

    /// <summary>Date and time in the current culture, followed by the zone so nobody has to guess.</summary>
    public string FormatDateTime(DateTimeOffset utc) =>
        $"{ToViewer(utc).ToString("g", CultureInfo.CurrentCulture)} ({TimeZoneId})";

    public string FormatDate(DateTimeOffset utc) => ToViewer(utc).ToString("d", CultureInfo.CurrentCulture);
}
