using System.ComponentModel.DataAnnotations;

namespace RightsAcademy.Web.Features.Accounts;

public sealed class AccountOptions
{
    public const string Section = "Accounts";

    /// <summary>Off by default: staff join by invitation from an admin or coordinator.</summary>
    public bool OpenRegistration { get; set; }

    [Range(typeof(TimeSpan), "01:00:00", "30.00:00:00",
        ErrorMessage = "Setting Accounts:InvitationLifetime must be between 1 hour and 30 days.")]
    public TimeSpan InvitationLifetime { get; set; } = TimeSpan.FromDays(14);

    [Range(3, 20, ErrorMessage = "Setting Accounts:MaxFailedSignIns must be between 3 and 20.")]
    public int MaxFailedSignIns { get; set; } = 5;

    [Range(typeof(TimeSpan), "00:01:00", "1.00:00:00",
        ErrorMessage = "Setting Accounts:LockoutDuration must be between 1 minute and 1 day.")]
    public TimeSpan LockoutDuration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>
    /// Sign-in attempts (and the other anonymous account forms) one client address may make per minute. Generous:
    /// a whole town hall may share one address at nine in the morning. Counted per app node.
    /// </summary>
    [Range(1, 100_000, ErrorMessage = "Setting Accounts:SignInsPerMinutePerAddress must be between 1 and 100000.")]
    public int SignInsPerMinutePerAddress { get; set; } = 30;

    /// <summary>Sign-in attempts for one account per <see cref="SignInAccountWindow"/>, from any address (slows a botnet down).</summary>
    [Range(1, 10_000, ErrorMessage = "Setting Accounts:SignInsPerAccount must be between 1 and 10000.")]
    public int SignInsPerAccount { get; set; } = 10;

    [Range(typeof(TimeSpan), "00:00:10", "1.00:00:00",
        ErrorMessage = "Setting Accounts:SignInAccountWindow must be between 10 seconds and 1 day.")]
    public TimeSpan SignInAccountWindow { get; set; } = TimeSpan.FromMinutes(5);
}
