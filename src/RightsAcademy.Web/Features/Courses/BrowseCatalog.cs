using Microsoft.EntityFrameworkCore;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>The catalogue of published courses, in the viewer's language, filterable by theme and language.</summary>
public static class BrowseCatalog
{
    public sealed record Query(string? Theme, string? Language);

    public sealed record Item(string Slug, string Title, string? Summary, string TextLanguage, IReadOnlyList<string> Themes,
        IReadOnlyList<string> Languages, decimal EstimatedHours, CourseLevel Level, EnrolmentMode Enrolment);

    public sealed record Page(Query Query, IReadOnlyList<Item> Courses, IReadOnlyList<string> AllThemes, IReadOnlyList<string> AllLanguages);

    public sealed class Handler(AppDbContext db)
    {
        public async Task<Page> HandleAsync(Query query, CancellationToken cancellationToken)
        {
            var viewer = ContentLanguage.Viewer;
            // One query: every published course with only the texts that can be shown (viewer's and default language).
            var rows = await db.Courses.AsNoTracking()
                .Where(c => c.ArchivedUtc == null)
                .Select(c => new
                {
                    c.Slug,
                    c.Themes,
                    c.Languages,
                    c.DefaultLanguage,
                    c.EstimatedHours,
                    c.Level,
                    c.Enrolment,
                    Texts = c.Texts.Where(t => t.Language == viewer || t.Language == c.DefaultLanguage)
                        .Select(t => new { t.Language, t.Title, t.Summary }).ToList(),
                })
                .ToListAsync(cancellationToken);

            var items = rows.Select(c =>
                {
                    var text = ContentLanguage.Pick(c.Texts, t => t.Language, c.DefaultLanguage);
                    return new Item(c.Slug, text?.Title ?? c.Slug, text?.Summary, text?.Language ?? c.DefaultLanguage,
                        c.Themes, c.Languages, c.EstimatedHours, c.Level, c.Enrolment);
                })
                .ToList();

            var filtered = items
                .Where(i => string.IsNullOrEmpty(query.Theme) || i.Themes.Contains(query.Theme))
                .Where(i => string.IsNullOrEmpty(query.Language) || i.Languages.Contains(query.Language))
                .OrderBy(i => i.Title, StringComparer.Create(System.Globalization.CultureInfo.CurrentCulture, ignoreCase: true))
                .ToList();
            return new Page(query, filtered,
                [.. items.SelectMany(i => i.Themes).Distinct().Order(StringComparer.Ordinal)],
                [.. items.SelectMany(i => i.Languages).Distinct().Order(StringComparer.Ordinal)]);
        }
    }
}
