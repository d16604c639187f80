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
}
