using System.Text.RegularExpressions;

namespace RightsAcademy.Web.Features.Authoring;

public enum DraftPageKind { Course, Module, Lesson }

/// <summary>What a draft file is, from its path alone, by the rules of content/README.md.</summary>
/// <param name="SourcePath">For a translation, the page it translates; for a source page, itself.</param>
/// <param name="Language">The translation's language, or null for a source page.</param>
public sealed record DraftPage(string Path, DraftPageKind Kind, string SourcePath, string? Language)
{
    public bool IsTranslation => Language is not null;

    /// <summary>The module folder ("01-basics") of a module or lesson page.</summary>
    public string? Folder => Kind == DraftPageKind.Course ? null : Path[..Path.IndexOf('/', StringComparison.Ordinal)];
}

public static partial class DraftPaths
{
    public static bool IsAsset(string path) => path.StartsWith("assets/", StringComparison.Ordinal);

    /// <summary>Null for assets and for anything that is not a page of the format.</summary>
    public static DraftPage? Page(string path)
    {
        var match = PagePath().Match(path);
        if (!match.Success)
        {
            return null;
        }

        var folder = match.Groups["folder"].Value;
        var name = match.Groups["name"].Value;
        var language = match.Groups["lang"].Success ? match.Groups["lang"].Value : null;
        var source = (folder.Length == 0 ? "" : folder + "/") + name + ".md";
        var kind = folder.Length == 0 ? (name == "course" ? DraftPageKind.Course : (DraftPageKind?)null)
            : name == "module" ? DraftPageKind.Module
            : LessonName().IsMatch(name) ? DraftPageKind.Lesson : null;
        return kind is null ? null : new DraftPage(path, kind.Value, source, language);
    }

    public static string TranslationPath(string sourcePath, string language) => sourcePath[..^3] + "." + language + ".md";

    /// <summary>The NN of "NN-slug", or null.</summary>
    public static int? Number(string name) =>
        name.Length > 3 && char.IsAsciiDigit(name[0]) && char.IsAsciiDigit(name[1]) && name[2] == '-' ? (name[0] - '0') * 10 + (name[1] - '0') : null;

    public static string Slug(string name) => Number(name) is null ? name : name[3..];

    public static string Numbered(int number, string slug) => $"{number:00}-{slug}";

    [GeneratedRegex(@"^(?:(?<folder>\d\d-[a-z0-9-]+)/)?(?<name>[a-z0-9-]+)(?:\.(?<lang>[a-z]{2,3}))?\.md$")]
    private static partial Regex PagePath();

    [GeneratedRegex(@"^\d\d-[a-z0-9-]+$")]
    private static partial Regex LessonName();
}
