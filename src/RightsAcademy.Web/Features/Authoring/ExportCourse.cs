using System.IO.Compression;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>The draft as a zip of one course folder in the content format: unpacked into content/courses/ it is
/// the course, and importing it at /author gives the same files back.</summary>
public static class ExportCourse
{
    // Fixed, so exporting the same files twice gives the same zip.
    private static readonly DateTimeOffset EntryTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<byte[]?> HandleAsync(string courseSlug, ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var draft = await db.Editable(user).AsNoTracking().Include(d => d.Files).SingleOrDefaultAsync(d => d.Slug == courseSlug, cancellationToken);
            if (draft is null)
            {
                return null;
            }

            using var buffer = new MemoryStream();
            using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
            {
                foreach (var file in draft.Files.OrderBy(f => f.Path, StringComparer.Ordinal))
                {
                    var entry = zip.CreateEntry($"{draft.Slug}/{file.Path}", CompressionLevel.Optimal);
                    entry.LastWriteTime = EntryTime;
                    await using var stream = await entry.OpenAsync(cancellationToken);
                    await stream.WriteAsync(file.Bytes, cancellationToken);
                }
            }

            return buffer.ToArray();
        }
    }
}
