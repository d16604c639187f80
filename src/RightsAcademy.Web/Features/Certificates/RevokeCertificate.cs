using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>An admin withdraws a certificate with a reason; verification then says revoked, with the date.</summary>
public static class RevokeCertificate
{
    public sealed record Command(Guid CertificateId, string Reason);

    public enum Outcome { Revoked, AlreadyRevoked, NotFound }

    public sealed class Handler(AppDbContext db, TimeProvider clock)
    {
        public async Task<Outcome> HandleAsync(Command command, CancellationToken cancellationToken)
        {
            var now = clock.GetUtcNow();
            var reason = command.Reason.Trim();
            var revoked = await db.Certificates.Where(c => c.Id == command.CertificateId && c.RevokedUtc == null)
                .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, now).SetProperty(c => c.RevocationReason, reason), cancellationToken);
            if (revoked == 1)
            {
                return Outcome.Revoked;
            }

            return await db.Certificates.AnyAsync(c => c.Id == command.CertificateId, cancellationToken) ? Outcome.AlreadyRevoked : Outcome.NotFound;
        }
    }
}

public sealed record RevokeForm
{
    [Required(ErrorMessage = "Validation.Required")]
    [StringLength(CertificateConfiguration.ReasonMaxLength, ErrorMessage = "Validation.MaxLength")]
    [Display(Name = "Field.RevocationReason")]
    public string Reason { get; init; } = "";
}
