using System.Security.Cryptography;
using System.Text;
using RightsAcademy.Content;
using RightsAcademy.Web.Features.Courses;

namespace RightsAcademy.Web.Features.Authoring;

/// <summary>
/// The one compiler `content import` uses, over a draft's files. Publishing links to the learners' URLs;
/// a preview links images to the draft's own assets, which exist before anything is published.
/// </summary>
public sealed class DraftCompiler
{
    private readonly CourseCompiler published = new(new CourseUrls());
    private readonly CourseCompiler preview = new(new PreviewUrls());

    public CourseCompileResult Compile(string slug, IEnumerable<SourceFile> files, bool forPreview = false) =>
        (forPreview ? preview : published).Compile(new CourseSource(slug, "", [.. files.OrderBy(f => f.Path, StringComparer.Ordinal)]));

    public static IEnumerable<SourceFile> Files(IEnumerable<CourseDraftFile> files) => files.Select(f => new SourceFile(f.Path, f.Bytes));

    public static string Hash(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    public static string Text(byte[] bytes) => Encoding.UTF8.GetString(bytes);

    public static byte[] Bytes(string text) => Encoding.UTF8.GetBytes(text);

    /// <summary>The compiled page for a source path, or null.</summary>
    public static PageText? FindPage(CompiledCourse course, string path) =>
        course.Texts.Values
            .Concat(course.Modules.SelectMany(m => m.Texts.Values))
            .Concat(course.Modules.SelectMany(m => m.Lessons.SelectMany(l => l.Texts.Values)))
            .FirstOrDefault(p => p.Path == path);
}

/// <summary>Preview links: images come from the draft (owners only), pages keep their published addresses.</summary>
public sealed class PreviewUrls : IContentUrlBuilder
{
    private readonly CourseUrls urls = new();

    public string Course(string courseSlug) => urls.Course(courseSlug);

    public string Module(string courseSlug, string moduleSlug) => urls.Module(courseSlug, moduleSlug);

    public string Lesson(string courseSlug, string moduleSlug, string lessonSlug, string? fragment) =>
        urls.Lesson(courseSlug, moduleSlug, lessonSlug, fragment);

    public string Asset(string courseSlug, string assetPath, string contentHash) =>
        $"/author/courses/{courseSlug}/files/{assetPath}";
}
