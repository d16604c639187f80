using Microsoft.EntityFrameworkCore;
using Npgsql;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// After a learner corrects the name for certificates: each current certificate with the old name is revoked and a
/// new one issued that refers to it, with the same snapshot (course title, date, hours, issuer) and the new name.
/// A job, safe to run twice: the revocation is a conditional update and replacements are unique per certificate.
/// </summary>
public sealed partial class ReplaceCertificate(AppDbContext db, CertificateIssuer issuer, CertificateMails mails, TimeProvider clock,
    ILogger<ReplaceCertificate> logger)
{
    /// <summary>Stored as the revocation reason; shown in the reader's language.</summary>
    public const string NameCorrected = "name-corrected";

    public async Task<int> RunForUserAsync(Guid userId, CancellationToken cancellationToken)
    {
        var ids = await db.Certificates.AsNoTracking()
            .Where(c => c.UserId == userId && c.RevokedUtc == null)
            .Select(c => c.Id).ToListAsync(cancellationToken);
        var replaced = 0;
        foreach (var id in ids)
        {
            replaced += await RunAsync(id, cancellationToken) ? 1 : 0;
        }

        return replaced;
    }

    public async Task<bool> RunAsync(Guid certificateId, CancellationToken cancellationToken)
    {
        var old = await db.Certificates.AsNoTracking().SingleOrDefaultAsync(c => c.Id == certificateId && c.RevokedUtc == null, cancellationToken);
        if (old?.UserId is null)
        {
            return false;
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == old.UserId && u.DeletedUtc == null)
            .Select(u => new { u.DisplayName, u.CertificateName, u.Email, u.PreferredLanguage }).SingleOrDefaultAsync(cancellationToken);
        var name = user is null ? null : string.IsNullOrWhiteSpace(user.CertificateName) ? user.DisplayName : user.CertificateName;
        if (user is null || name is null || name == old.LearnerName)
        {
            return false;
        }

        var replacement = await issuer.CreateAsync(CertificateIssuer.FactsOf(old, name), old.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow();
        // Whoever revokes first replaces; a concurrent run waits for the row, then finds it revoked.
        var revoked = await db.Certificates.Where(c => c.Id == old.Id && c.RevokedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.RevokedUtc, now).SetProperty(c => c.RevocationReason, NameCorrected), cancellationToken);
        if (revoked == 0)
        {
            return false;
        }

        db.Certificates.Add(replacement);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException ex) when (ex.InnerException is PostgresException { SqlState: PostgresErrorCodes.UniqueViolation })
        {
            db.ChangeTracker.Clear();
            return false;
        }

        if (!string.IsNullOrEmpty(user.Email))
        {
            await mails.SendIssuedAsync(replacement, user.Email, user.PreferredLanguage, cancellationToken);
        }

        await transaction.CommitAsync(cancellationToken);
        LogReplaced(old.Id, replacement.Id);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Certificate {OldId} revoked after a name correction and replaced by {NewId}")]
    private partial void LogReplaced(Guid oldId, Guid newId);
}
