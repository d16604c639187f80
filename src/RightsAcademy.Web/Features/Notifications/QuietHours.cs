using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// No reminder between 21:00 and 07:00 in the recipient's zone, unless the thing it reminds of comes before the
/// quiet period ends: then it goes at its own time (a 1 h reminder for a 22:00 session arrives at 21:00; a reminder
/// that waited until 07:00 would be too late). A reminder that falls into quiet hours otherwise waits until 07:00.
/// See Infrastructure/Mail/README.md.
/// </summary>
public static class QuietHours
{
    public static readonly TimeOnly Starts = new(21, 0);
    public static readonly TimeOnly Ends = new(7, 0);

    public static bool IsQuiet(DateTimeOffset utc, string timeZone)
    {
        var local = TimeOnly.FromDateTime(TimeZoneInfo.ConvertTime(utc, TimeZoneCatalog.Find(timeZone)).DateTime);
        return local >= Starts || local < Ends;
    }

    /// <summary>When the quiet period containing <paramref name="utc"/> ends (07:00 local); <paramref name="utc"/> itself outside one.</summary>
    public static DateTimeOffset QuietEndsUtc(DateTimeOffset utc, string timeZone)
    {
        if (!IsQuiet(utc, timeZone))
        {
            return utc;
        }

        var zone = TimeZoneCatalog.Find(timeZone);
        var local = TimeZoneInfo.ConvertTime(utc, zone).DateTime;
        var day = DateOnly.FromDateTime(local);
        var endDay = TimeOnly.FromDateTime(local) >= Starts ? day.AddDays(1) : day;
        var end = endDay.ToDateTime(Ends);
        while (zone.IsInvalidTime(end))
        {
            end = end.AddMinutes(30);
        }

        return new DateTimeOffset(TimeZoneInfo.ConvertTimeToUtc(end, zone), TimeSpan.Zero);
    }

    /// <summary>When a reminder meant for <paramref name="nominalUtc"/> about something at <paramref name="eventUtc"/> goes out.</summary>
    public static DateTimeOffset SendAt(DateTimeOffset nominalUtc, DateTimeOffset eventUtc, string timeZone)
    {
        var end = QuietEndsUtc(nominalUtc, timeZone);
        return end <= eventUtc ? end : nominalUtc;
    }

    /// <summary>For mail a job decides on now: allowed outside quiet hours, or when the event comes before they end.</summary>
    public static bool MaySendNow(DateTimeOffset nowUtc, DateTimeOffset eventUtc, string timeZone) =>
        SendAt(nowUtc, eventUtc, timeZone) <= nowUtc;
}
