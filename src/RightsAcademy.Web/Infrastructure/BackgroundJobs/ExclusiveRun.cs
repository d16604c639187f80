using System.Buffers.Binary;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.BackgroundJobs;

/// <summary>
/// One run at a time of a recurring job, across every node. A minutely job whose run outlasts the minute (session
/// invitations after an import or an outage: thousands of mails) was started again every minute while the first one
/// still ran; each new run re-decided every mail the first was writing, so the catch-up took several times longer and
/// filled the log with "already in the outbox". A later run now steps aside, and the next one after the long run ends
/// picks up whatever is left.
/// </summary>
/// <remarks>
/// A PostgreSQL session advisory lock on the job's own connection, not a Hangfire storage lock: those are honoured
/// for <see cref="BackgroundJobOptions.DistributedLockTimeout"/> only (a minute), shorter than the runs this is for,
/// whereas an advisory lock lasts exactly as long as the run, and the server frees it when a killed node's connection
/// drops.
/// </remarks>
public sealed class ExclusiveRun : IAsyncDisposable
{
    private readonly AppDbContext _db;
    private readonly long _key;

    private ExclusiveRun(AppDbContext db, long key)
    {
        _db = db;
        _key = key;
    }

    /// <summary>The run's hold on <paramref name="job"/>, or null when another run holds it; dispose to let go.</summary>
    public static async Task<ExclusiveRun?> TryEnterAsync(AppDbContext db, string job, CancellationToken cancellationToken)
    {
        var key = KeyOf(job);
        // Kept open until disposal: the lock belongs to this connection, and the job's own queries and writes then use
        // it too rather than a second one from the pool.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (await db.Database.SqlQuery<bool>($"select pg_try_advisory_lock({key}) as \"Value\"").SingleAsync(cancellationToken))
            {
                return new ExclusiveRun(db, key);
            }
        }
        catch
        {
            await db.Database.CloseConnectionAsync();
            throw;
        }

        await db.Database.CloseConnectionAsync();
        return null;
    }

    /// <summary>A stable 64-bit lock number per job name, the same on every node and release.</summary>
    public static long KeyOf(string job) =>
        BinaryPrimitives.ReadInt64LittleEndian(SHA256.HashData(Encoding.UTF8.GetBytes("rightsacademy-job:" + job)));

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Not cancellable: a run that was cancelled must still let go, or the lock would last as long as the pooled
            // connection.
            await _db.Database.SqlQuery<bool>($"select pg_advisory_unlock({_key}) as \"Value\"").SingleAsync(CancellationToken.None);
        }
        finally
        {
            await _db.Database.CloseConnectionAsync();
        }
    }
}
