using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>The courses a trainer owns (an admin: every browser-edited course).</summary>
public static class ListWorkspace
{
    public sealed record Row(string Slug, string Title, int PublishedVersion, DateTimeOffset? PublishedUtc);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<IReadOnlyList<Row>> HandleAsync(ClaimsPrincipal user, CancellationToken cancellationToken)
        {
            var drafts = await db.Editable(user).AsNoTracking().OrderBy(d => d.Slug)
                .Select(d => new { d.Slug, d.PublishedVersion, d.PublishedUtc, Course = d.Files.Where(f => f.Path == "course.md").Select(f => f.Bytes).FirstOrDefault() })
                .ToListAsync(cancellationToken);
            return [.. drafts.Select(d => new Row(d.Slug,
                d.Course is null ? d.Slug : PageDocument.Split("course.md", DraftCompiler.Text(d.Course), 0).Title is { Length: > 0 } title ? title : d.Slug,
                d.PublishedVersion, d.PublishedUtc))];
        }
    }
}
