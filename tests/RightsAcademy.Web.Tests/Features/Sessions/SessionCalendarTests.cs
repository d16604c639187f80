using System.Globalization;
using RightsAcademy.Web.Features.Sessions;

namespace RightsAcademy.Web.Tests.Features.Sessions;

/// <summary>
/// The database-free core of peer-exchange sessions: wall-clock times in the host's zone, and the .ics file read
/// back with a small RFC 5545 reader written here (not Ical.Net, which wrote it).
/// </summary>
public sealed class SessionCalendarTests
{
    private static readonly Guid SessionId = Guid.Parse("0196a0e2-0000-7000-8000-000000000001");

    [Theory]
    // Friday before Vienna moves to summer time (UTC+1): 18:00 is 17:00 UTC.
    [InlineData(2026, 3, 27, "2026-03-27 14:00", "2026-03-28 02:00")]
    // Monday after (UTC+2): 18:00 is 16:00 UTC, one hour earlier everywhere that did not change.
    [InlineData(2026, 3, 30, "2026-03-30 13:00", "2026-03-31 01:00")]
    public void A_session_set_in_Vienna_the_week_the_clocks_change_shows_the_right_time_in_Montevideo_and_Seoul(int year, int month, int day,
        string montevideo, string seoul)
    {
        var (utc, problem) = SessionTime.ToUtc(new DateTime(year, month, day, 18, 0, 0), "Europe/Vienna");

        Assert.Equal(SessionTime.Problem.None, problem);
        Assert.Equal(montevideo, SessionTime.InZone(utc, "America/Montevideo").ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(seoul, SessionTime.InZone(utc, "Asia/Seoul").ToString("yyyy-MM-dd HH:mm", CultureInfo.InvariantCulture));
        Assert.Equal(18, SessionTime.InZone(utc, "Europe/Vienna").Hour);
    }

    [Fact]
    public void A_time_the_clocks_skip_is_refused_and_a_repeated_one_is_its_first_occurrence()
    {
        Assert.Equal(SessionTime.Problem.DoesNotExist, SessionTime.ToUtc(new DateTime(2026, 3, 29, 2, 30, 0), "Europe/Vienna").Problem);
        var (utc, _) = SessionTime.ToUtc(new DateTime(2026, 10, 25, 2, 30, 0), "Europe/Vienna");
        Assert.Equal(new DateTimeOffset(2026, 10, 25, 0, 30, 0, TimeSpan.Zero), utc);
    }

    [Fact]
    public void The_ics_carries_the_host_zone_with_its_vtimezone_a_stable_uid_and_the_sequence()
    {
        var (start, _) = SessionTime.ToUtc(new DateTime(2026, 3, 30, 18, 0, 0), "Europe/Vienna");
        var entry = new SessionCalendar.Entry(SessionId, 3, "Participatory budgets, lessons learnt", "Bring one example; commas, semicolons; fine.",
            start, TimeSpan.FromMinutes(90), "Europe/Vienna", null, new Uri("https://meet.example.org/room-1"), Cancelled: false,
            new DateTimeOffset(2026, 3, 1, 9, 0, 0, TimeSpan.Zero));

        var ics = Ics.Read(SessionCalendar.Write([entry]));

        Assert.Equal("PUBLISH", ics.Calendar["METHOD"].Value);
        var zone = Assert.Single(ics.Components, c => c.Name == "VTIMEZONE");
        Assert.Equal("Europe/Vienna", zone.Properties["TZID"].Value);
        var vevent = Assert.Single(ics.Components, c => c.Name == "VEVENT");
        Assert.Equal(SessionCalendar.Uid(SessionId), vevent.Properties["UID"].Value);
        Assert.Equal("3", vevent.Properties["SEQUENCE"].Value);
        Assert.Equal("Europe/Vienna", vevent.Properties["DTSTART"].Parameters["TZID"]);
        Assert.Equal("20260330T180000", vevent.Properties["DTSTART"].Value);
        Assert.Equal("20260330T193000", vevent.Properties["DTEND"].Value);
        Assert.Equal("Participatory budgets\\, lessons learnt", vevent.Properties["SUMMARY"].Value);
        Assert.Equal("CONFIRMED", vevent.Properties["STATUS"].Value);
        // The VTIMEZONE says what 18:00 means that day: summer time, UTC+2, so 16:00 UTC as stored.
        Assert.Contains(ics.Nested(zone), c => c.Name == "DAYLIGHT" && c.Properties["TZOFFSETTO"].Value == "+0200");
        Assert.Equal(new DateTimeOffset(2026, 3, 30, 16, 0, 0, TimeSpan.Zero), start);
    }

    [Fact]
    public void A_cancellation_is_method_cancel_with_the_same_uid_and_a_higher_sequence()
    {
        var (start, _) = SessionTime.ToUtc(new DateTime(2026, 3, 30, 18, 0, 0), "Europe/Vienna");
        var entry = new SessionCalendar.Entry(SessionId, 4, "Cancelled session", null, start, TimeSpan.FromHours(1), "Europe/Vienna", "Town hall, room 2",
            null, Cancelled: true, DateTimeOffset.UtcNow);

        var ics = Ics.Read(SessionCalendar.Write([entry], cancellation: true));

        Assert.Equal("CANCEL", ics.Calendar["METHOD"].Value);
        var vevent = Assert.Single(ics.Components, c => c.Name == "VEVENT");
        Assert.Equal(SessionCalendar.Uid(SessionId), vevent.Properties["UID"].Value);
        Assert.Equal("4", vevent.Properties["SEQUENCE"].Value);
        Assert.Equal("CANCELLED", vevent.Properties["STATUS"].Value);
    }
}
