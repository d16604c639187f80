using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Certificates;

public enum VerificationStatus { Valid, Revoked, Unknown, Mistyped, BadCredential }

/// <summary>
/// What the public verification page shows: only what the certificate itself states (name, course, date, issuer)
/// and its status. Nothing about the account (no e-mail) and nothing about other certificates.
/// </summary>
public sealed record VerificationPage(
    VerificationStatus? Status,
    string? Input,
    string? Code = null,
    string? LearnerName = null,
    string? CourseTitle = null,
    string? CourseLanguage = null,
    DateOnly? CompletionDate = null,
    string? Issuer = null,
    DateTimeOffset? RevokedUtc = null,
    bool Replaced = false,
    string? CredentialProblem = null)
{
    public static VerificationPage Empty => new(null, null);
}

public static class VerifyCertificate
{
    public sealed class Handler(AppDbContext db, IssuerKeys keys, CredentialVerifier verifier)
    {
        public async Task<VerificationPage> ByCodeAsync(string? input, CancellationToken cancellationToken)
        {
            if (!VerificationCode.TryParse(input, out var code))
            {
                // The check characters tell a typo from a code we never issued; neither reveals anything.
                return new VerificationPage(VerificationStatus.Mistyped, input);
            }

            return await FindAsync(c => c.Code == code, code, cancellationToken);
        }

        /// <summary>An uploaded Open Badges credential: our signature first, then the certificate's current status.</summary>
        public async Task<VerificationPage> ByCredentialAsync(string jwt, CancellationToken cancellationToken)
        {
            var result = await verifier.VerifyAsync(jwt.Trim(), await keys.GetJwkSetJsonAsync(cancellationToken));
            if (!result.IsValid || result.Credential is null)
            {
                return new VerificationPage(VerificationStatus.BadCredential, null, CredentialProblem: result.Reason);
            }

            var id = (string?)result.Credential["id"];
            if (id is null || !id.StartsWith("urn:uuid:", StringComparison.Ordinal) || !Guid.TryParse(id["urn:uuid:".Length..], out var certificateId))
            {
                return new VerificationPage(VerificationStatus.Unknown, null);
            }

            return await FindAsync(c => c.Id == certificateId, null, cancellationToken);
        }

        private async Task<VerificationPage> FindAsync(System.Linq.Expressions.Expression<Func<Certificate, bool>> which, string? code, CancellationToken cancellationToken)
        {
            var found = await db.Certificates.AsNoTracking().Where(which)
                .Select(c => new
                {
                    c.Code, c.LearnerName, c.CourseTitle, c.CourseLanguage, c.CompletionDate, c.IssuingOrganisation, c.RevokedUtc,
                    Replaced = db.Certificates.Any(r => r.ReplacesId == c.Id),
                })
                .SingleOrDefaultAsync(cancellationToken);
            if (found is null)
            {
                return new VerificationPage(VerificationStatus.Unknown, code, Code: code);
            }

            return new VerificationPage(found.RevokedUtc is null ? VerificationStatus.Valid : VerificationStatus.Revoked, found.Code, found.Code,
                found.LearnerName, found.CourseTitle, found.CourseLanguage, found.CompletionDate, found.IssuingOrganisation, found.RevokedUtc, found.Replaced);
        }
    }
}
