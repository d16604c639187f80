namespace RightsAcademy.Web.Features.Authoring;

internal static class DraftFiles
{
    public static CourseDraftFile New(string path, byte[] bytes, Guid? userId, DateTimeOffset now, string? translatedFromHash = null) => new()
    {
        Path = path,
        Bytes = bytes,
        ContentHash = DraftCompiler.Hash(bytes),
        UpdatedById = userId,
        UpdatedUtc = now,
        TranslatedFromHash = translatedFromHash,
    };

    /// <summary>A translation is stale when its source changed after the translation was last saved or marked
    /// up to date: the rule the import applies to published texts.</summary>
    public static bool IsStale(CourseDraftFile translation, IReadOnlyDictionary<string, CourseDraftFile> byPath) =>
        DraftPaths.Page(translation.Path) is { IsTranslation: true } page
        && byPath.TryGetValue(page.SourcePath, out var source)
        && translation.TranslatedFromHash != source.ContentHash;
}
