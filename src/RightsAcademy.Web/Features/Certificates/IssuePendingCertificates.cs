using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Features.Cohorts;
using RightsAcademy.Web.Features.Courses;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The recurring sweep that makes issuing certain: a completed enrolment without a certificate gets one, and a
/// current certificate whose learner has since corrected their name is replaced. The completing transaction
/// itself (Enrolment.CompletedUtc) is the durable record of the pending work, so a lost or early enqueue, a
/// crashed node or a failed mail write only delays the certificate until the next run.
/// </summary>
public sealed class IssuePendingCertificates(AppDbContext db, IssueCertificate issue, ReplaceCertificate replace)
{
    /// <summary>Bounds one run; the next run continues.</summary>
    public const int BatchSize = 50;

    public sealed record Report(int Issued, int Replaced);

    public async Task<Report> RunAsync(CancellationToken cancellationToken)
    {
        var pending = await db.Enrolments.AsNoTracking()
            .Where(e => e.CompletedUtc != null
                // A deleted account keeps its progress for reports but gets no new certificate.
                && db.Users.Any(u => u.Id == e.UserId && u.DeletedUtc == null)
                && !db.Certificates.Any(c => c.UserId == e.UserId && c.CourseId == e.CourseId
                    // The learner's run, as CourseRuns.KeyAsync decides it (inlined: EF cannot expand a method here).
                    && c.RunKey == (db.CohortMembers
                        .Where(m => m.UserId == e.UserId && m.Status == CohortMemberStatus.Active && db.Cohorts.Any(k => k.Id == m.CohortId && k.CourseId == e.CourseId))
                        .OrderByDescending(m => m.JoinedUtc).ThenByDescending(m => m.Id)
                        .Select(m => CourseRuns.CohortPrefix + m.CohortId.ToString()).FirstOrDefault() ?? Certificate.SelfPacedRun)))
            .OrderBy(e => e.CompletedUtc).Select(e => new { e.UserId, e.CourseId }).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var issued = 0;
        foreach (var p in pending)
        {
            issued += await issue.RunAsync(p.UserId, p.CourseId, cancellationToken) == IssueCertificate.Outcome.Issued ? 1 : 0;
        }

        var renamed = await db.Certificates.AsNoTracking()
            .Where(c => c.RevokedUtc == null && c.UserId != null
                && db.Users.Any(u => u.Id == c.UserId && u.DeletedUtc == null && (u.CertificateName ?? u.DisplayName) != c.LearnerName))
            .OrderBy(c => c.IssuedUtc).Select(c => c.Id).Take(BatchSize)
            .ToListAsync(cancellationToken);
        var replaced = 0;
        foreach (var id in renamed)
        {
            replaced += await replace.RunAsync(id, cancellationToken) ? 1 : 0;
        }

        return new Report(issued, replaced);
    }
}
