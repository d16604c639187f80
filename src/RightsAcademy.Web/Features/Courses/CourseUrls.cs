using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>
/// The site's URLs for course pages, used by the content library when it rewrites relative links at import.
/// Language-independent: a learner reads every page in their own language at the same address.
/// </summary>
public sealed class CourseUrls : IContentUrlBuilder
{
    public string Course(string courseSlug) => $"/courses/{courseSlug}";

    public string Module(string courseSlug, string moduleSlug) => $"/courses/{courseSlug}#module-{moduleSlug}";

    public string Lesson(string courseSlug, string moduleSlug, string lessonSlug, string? fragment) =>
        $"/courses/{courseSlug}/{moduleSlug}/{lessonSlug}" + (string.IsNullOrEmpty(fragment) ? "" : $"#{fragment}");

    /// <summary>The hash in the path lets browsers cache an asset for a year: a changed file gets a new URL.</summary>
    public string Asset(string courseSlug, string assetPath, string contentHash) =>
        $"/courses/{courseSlug}/assets/{contentHash[..16]}/{(assetPath.StartsWith("assets/", StringComparison.Ordinal) ? assetPath["assets/".Length..] : assetPath)}";
}
