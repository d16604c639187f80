using Microsoft.AspNetCore.Identity;
using RightsAcademy.Web.Features.Municipalities;

namespace RightsAcademy.Web.Features.Accounts;

public sealed class AppUser : IdentityUser<Guid>
{
    public AppUser() => Id = Guid.CreateVersion7();

    /// <summary>Any script, up to 200 characters; shown across the site.</summary>
    public required string DisplayName { get; set; }

    /// <summary>
    /// The name as it should appear on certificates (full legal name, diacritics, any script); null means the
    /// display name. Correcting it replaces the learner's current certificates.
    /// </summary>
    public string? CertificateName { get; set; }

    /// <summary>What certificates print: <see cref="CertificateName"/>, or the display name when none is set.</summary>
    public string NameOnCertificates => string.IsNullOrWhiteSpace(CertificateName) ? DisplayName : CertificateName;

    public Guid MunicipalityId { get; set; }

    public Municipality? Municipality { get; set; }

    public string? Department { get; set; }

    public required string PreferredLanguage { get; set; }

    /// <summary>IANA time zone id; every time is shown to the user in it.</summary>
    public required string TimeZone { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>Set when an admin or coordinator invited the user and cleared when the invitation is accepted.</summary>
    public DateTimeOffset? InvitedUtc { get; set; }

    /// <summary>When the person was first invited; unlike <see cref="InvitedUtc"/> kept after acceptance, so reports count invitations.</summary>
    public DateTimeOffset? FirstInvitedUtc { get; set; }

    /// <summary>
    /// Set when the person deleted their account: the row stays as an anonymous placeholder (no name, e-mail or
    /// password) so that progress, quiz answers and certificates still count in reports and verification.
    /// </summary>
    public DateTimeOffset? DeletedUtc { get; set; }

    /// <summary>
    /// The TOTP time step (Unix seconds / 30) of the last authenticator code accepted: a code of this step or an
    /// earlier one is refused, so a code seen over a shoulder or in a log cannot be replayed while still valid.
    /// </summary>
    public long? LastAuthenticatorTimeStep { get; set; }
}
