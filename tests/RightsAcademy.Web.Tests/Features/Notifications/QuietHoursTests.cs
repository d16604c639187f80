using RightsAcademy.Web.Features.Notifications;

namespace RightsAcademy.Web.Tests.Features.Notifications;

public sealed class QuietHoursTests
{
    private const string Paris = "Europe/Paris";

    private static DateTimeOffset Paris_(int day, int hour, int minute = 0) => NotificationFixture.At(new DateOnly(2027, 3, day), hour, minute, Paris);

    [Fact]
    public void A_reminder_that_falls_into_quiet_hours_waits_until_seven_unless_the_event_comes_first()
    {
        // 14:00 is not quiet: sent as planned.
        Assert.Equal(Paris_(10, 14), QuietHours.SendAt(Paris_(10, 14), Paris_(11, 14), Paris));
        // 23:00 the evening before a 23:00 session (24 h reminder): waits until 07:00.
        Assert.Equal(Paris_(11, 7), QuietHours.SendAt(Paris_(10, 23), Paris_(11, 23), Paris));
        // 05:30 before a 06:30 session (1 h reminder): the session comes before 07:00, so it goes at 05:30.
        Assert.Equal(Paris_(11, 5, 30), QuietHours.SendAt(Paris_(11, 5, 30), Paris_(11, 6, 30), Paris));
        // 21:00 before a 22:00 session: same.
        Assert.Equal(Paris_(10, 21), QuietHours.SendAt(Paris_(10, 21), Paris_(10, 22), Paris));
        // 06:15 before a 07:15 session: 07:00 is still before it.
        Assert.Equal(Paris_(11, 7), QuietHours.SendAt(Paris_(11, 6, 15), Paris_(11, 7, 15), Paris));
        Assert.True(QuietHours.MaySendNow(Paris_(10, 20, 59), Paris_(20, 0), Paris));
        Assert.False(QuietHours.MaySendNow(Paris_(10, 21), Paris_(20, 0), Paris));
    }

    [Fact]
    public void Quiet_hours_are_the_recipients_local_night_across_a_clock_change()
    {
        // 28 March 2027: Paris moves to summer time at 02:00. 21:00 on the 27th is 20:00 UTC; 07:00 on the 28th is 05:00 UTC.
        Assert.Equal(new DateTimeOffset(2027, 3, 28, 5, 0, 0, TimeSpan.Zero), QuietHours.QuietEndsUtc(new DateTimeOffset(2027, 3, 27, 20, 30, 0, TimeSpan.Zero), Paris));
        Assert.True(QuietHours.IsQuiet(new DateTimeOffset(2027, 3, 27, 20, 0, 0, TimeSpan.Zero), Paris));
        // 20:00 UTC is 05:00 in Tokyo: quiet there too, but 22:00 UTC (07:00 Tokyo) is not.
        Assert.False(QuietHours.IsQuiet(new DateTimeOffset(2027, 3, 27, 22, 0, 0, TimeSpan.Zero), "Asia/Tokyo"));
        Assert.True(QuietHours.IsQuiet(new DateTimeOffset(2027, 3, 27, 20, 0, 0, TimeSpan.Zero), "Asia/Tokyo"));
    }
}
