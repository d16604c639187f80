using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Certificates;

public sealed record CertificateRow(
    Guid Id, string Code, string LearnerName, string CourseTitle, string CourseLanguage, DateOnly CompletionDate, DateTimeOffset IssuedUtc,
    DateTimeOffset? RevokedUtc, string? RevocationReason, bool Replaced, string VerificationUrl);

/// <summary>A learner's own certificates ("My certificates"), and the admin's list of every certificate.</summary>
public static class ListCertificates
{
    public const int AdminPageSize = 100;

    public sealed class Handler(AppDbContext db)
    {
        public Task<List<CertificateRow>> MineAsync(Guid userId, CancellationToken cancellationToken) =>
            Rows(db.Certificates.Where(c => c.UserId == userId)).ToListAsync(cancellationToken);

        /// <summary>Newest first; with a code, only that certificate (as a person typed the code).</summary>
        public Task<List<CertificateRow>> AllAsync(string? code, CancellationToken cancellationToken)
        {
            var query = db.Certificates.AsQueryable();
            if (!string.IsNullOrWhiteSpace(code))
            {
                var canonical = VerificationCode.TryParse(code, out var parsed) ? parsed : code.Trim();
                query = query.Where(c => c.Code == canonical);
            }

            return Rows(query).Take(AdminPageSize).ToListAsync(cancellationToken);
        }

        private IQueryable<CertificateRow> Rows(IQueryable<Certificate> query) =>
            query.AsNoTracking().OrderByDescending(c => c.IssuedUtc)
                .Select(c => new CertificateRow(c.Id, c.Code, c.LearnerName, c.CourseTitle, c.CourseLanguage, c.CompletionDate, c.IssuedUtc,
                    c.RevokedUtc, c.RevocationReason, db.Certificates.Any(r => r.ReplacesId == c.Id), c.VerificationUrl));
    }
}
