namespace RightsAcademy.Content;

/// <summary>The web app owns its URLs; the library only knows what a link points to and asks here how to
/// write it. Results should be site paths starting with '/' (or absolute http(s) URLs): the sanitiser
/// drops anything else.</summary>
public interface IContentUrlBuilder
{
    string Course(string courseSlug);

    [System.Diagnostics.CodeAnalysis.SuppressMessage("Naming", "CA1716:Identifiers should not match keywords",
        Justification = "Name fixed by the API the web app codes against; no VB consumers.")]
    string Module(string courseSlug, string moduleSlug);

    /// <param name="fragment">The heading anchor without '#', as written in the link, or null.</param>
    string Lesson(string courseSlug, string moduleSlug, string lessonSlug, string? fragment);

    /// <param name="assetPath">Relative to the course folder, e.g. "assets/map.png".</param>
    /// <param name="contentHash">SHA-256 hex of the file, for cache-busting URLs.</param>
    string Asset(string courseSlug, string assetPath, string contentHash);
}
