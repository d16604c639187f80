using System.Globalization;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>Calendar periods in a recipient's zone, as they appear in idempotency keys.</summary>
public static class MailPeriods
{
    public static DateTime Local(DateTimeOffset utc, string timeZone) => TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(timeZone)).DateTime;

    /// <summary>E.g. <c>2027-W09</c>: the ISO week, which starts on Monday in every culture.</summary>
    public static string IsoWeek(DateTimeOffset utc, string timeZone)
    {
        var local = Local(utc, timeZone);
        return string.Create(CultureInfo.InvariantCulture, $"{ISOWeek.GetYear(local)}-W{ISOWeek.GetWeekOfYear(local):00}");
    }

    public static string Day(DateTimeOffset utc, string timeZone) =>
        Local(utc, timeZone).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
