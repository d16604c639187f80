using Ical.Net;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;

namespace RightsAcademy.Web.Features.Sessions;

/// <summary>
/// The .ics text of a peer-exchange session. The UID is derived from the session id, so every download of the
/// same session updates the same calendar entry; SEQUENCE must go up on every change (the session keeps the
/// counter) so calendars accept the update; a cancellation is sent as METHOD:CANCEL with STATUS:CANCELLED.
/// Times are written in the host's zone with its VTIMEZONE, so the entry stays right if the viewer travels.
/// </summary>
public static class SessionCalendar
{
    public const string ProductId = "-//RightsAcademy//Peer exchange//EN";

    public sealed record Entry(Guid SessionId, int Sequence, string Title, string? Description, DateTimeOffset StartUtc, TimeSpan Duration,
        string HostTimeZone, string? Location, Uri? Link, bool Cancelled, DateTimeOffset StampUtc);

    public static string Uid(Guid sessionId) => $"session-{sessionId:N}@rightsacademy";

    public static string Write(IReadOnlyList<Entry> entries, bool cancellation = false)
    {
        var calendar = new Calendar { ProductId = ProductId, Method = cancellation ? "CANCEL" : "PUBLISH" };
        foreach (var zone in entries.Select(e => e.HostTimeZone).Distinct(StringComparer.Ordinal))
        {
            var earliest = entries.Where(e => e.HostTimeZone == zone).Min(e => e.StartUtc).UtcDateTime.AddYears(-1);
            calendar.AddTimeZone(VTimeZone.FromDateTimeZone(zone, earliest, includeHistoricalData: false));
        }

        foreach (var entry in entries)
        {
            var localStart = SessionTime.InZone(entry.StartUtc, entry.HostTimeZone).DateTime;
            var localEnd = SessionTime.InZone(entry.StartUtc + entry.Duration, entry.HostTimeZone).DateTime;
            var calendarEvent = new CalendarEvent
            {
                Uid = Uid(entry.SessionId),
                Sequence = entry.Sequence,
                Summary = entry.Title,
                Description = entry.Description,
                Location = entry.Location ?? entry.Link?.ToString(),
                Url = entry.Link,
                DtStart = new CalDateTime(DateTime.SpecifyKind(localStart, DateTimeKind.Unspecified), entry.HostTimeZone),
                DtEnd = new CalDateTime(DateTime.SpecifyKind(localEnd, DateTimeKind.Unspecified), entry.HostTimeZone),
                DtStamp = new CalDateTime(entry.StampUtc.UtcDateTime, "UTC"),
                Status = entry.Cancelled || cancellation ? "CANCELLED" : "CONFIRMED",
            };
            calendar.Events.Add(calendarEvent);
        }

        return new CalendarSerializer().SerializeToString(calendar)!;
    }
}
