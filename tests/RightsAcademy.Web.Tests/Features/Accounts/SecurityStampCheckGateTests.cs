using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.Accounts;

public sealed class SecurityStampCheckGateTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 28, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData(null, true)]
    [InlineData(0, false)]
    [InlineData(29, false)]
    [InlineData(30, false)]
    [InlineData(31, true)]
    [InlineData(600, true)]
    public void A_check_is_due_as_Identity_decides_after_the_interval_on_its_clock(int? minutesAgo, bool due)
    {
        var gate = new SecurityStampCheckGate(Options.Create(new SecurityStampValidatorOptions
        {
            ValidationInterval = TimeSpan.FromMinutes(30),
            TimeProvider = new ManualClock(Now),
        }));

        Assert.Equal(due, gate.IsDue(minutesAgo is { } m ? Now.AddMinutes(-m) : null));
    }

    [Fact]
    public void With_a_zero_interval_every_request_is_checked()
    {
        var gate = new SecurityStampCheckGate(Options.Create(new SecurityStampValidatorOptions
        {
            ValidationInterval = TimeSpan.Zero,
            TimeProvider = new ManualClock(Now),
        }));

        Assert.True(gate.IsDue(Now.AddTicks(-1)));
    }
}
