using RightsAcademy.Content;
using RightsAcademy.Web.Features.Courses;

namespace RightsAcademy.Web.Features.ContentImport;

/// <summary>Brings the stored texts of one page in line with a compiled page, language by language.</summary>
internal static class PageTexts
{
    public static void Sync<T>(List<T> stored, IReadOnlyDictionary<string, PageText> compiled, Func<T> create, Action<T, PageText>? extra = null)
        where T : PageTextBase
    {
        stored.RemoveAll(t => !compiled.ContainsKey(t.Language));
        foreach (var (language, page) in compiled)
        {
            var text = stored.SingleOrDefault(t => t.Language == language);
            var isNew = text is null;
            if (text is null)
            {
                text = create();
                text.Language = language;
                stored.Add(text);
            }

            // Stale = the source moved on since the translation itself last changed.
            if (page.SourceContentHash is null)
            {
                text.TranslatedFromHash = null;
            }
            else if (isNew || text.ContentHash != page.ContentHash || text.TranslatedFromHash is null)
            {
                text.TranslatedFromHash = page.SourceContentHash;
            }

            text.IsStale = page.SourceContentHash is not null && text.TranslatedFromHash != page.SourceContentHash;
            text.Title = page.Title;
            text.Summary = page.Summary;
            text.Html = page.Html;
            text.SourcePath = page.Path;
            text.ContentHash = page.ContentHash;
            extra?.Invoke(text, page);
        }
    }
}
