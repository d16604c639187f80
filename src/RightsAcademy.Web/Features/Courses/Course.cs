using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>A course as last imported. Its slug is its identity across imports; texts per language hang off it.</summary>
public sealed class Course
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public required string Slug { get; set; }

    public required string DefaultLanguage { get; set; }

    public List<string> Languages { get; set; } = [];

    public List<string> Themes { get; set; } = [];

    public decimal EstimatedHours { get; set; }

    public CourseLevel Level { get; set; }

    public EnrolmentMode Enrolment { get; set; }

    public bool RequireAllLessons { get; set; } = true;

    public bool RequireQuizzesPassed { get; set; } = true;

    public int MinSessions { get; set; }

    public string? Issuer { get; set; }

    /// <summary>Over every file of the course: an unchanged hash means the import writes nothing.</summary>
    public required string ContentHash { get; set; }

    /// <summary>Set when the course folder disappeared: hidden from the catalogue, progress kept.</summary>
    public DateTimeOffset? ArchivedUtc { get; set; }

    public DateTimeOffset ImportedUtc { get; set; }

    public List<CourseText> Texts { get; set; } = [];

    public List<CourseModule> Modules { get; set; } = [];
}

public sealed class CourseText : PageTextBase
{
    public Guid CourseId { get; set; }
}

/// <summary>A page's text in one language, rendered and sanitised at import.</summary>
public abstract class PageTextBase
{
    public required string Language { get; set; }

    public required string Title { get; set; }

    public string? Summary { get; set; }

    public required string Html { get; set; }

    public required string SourcePath { get; set; }

    public required string ContentHash { get; set; }

    /// <summary>
    /// For a translation: the source's hash when the translation itself last changed. When the source's
    /// current hash differs, the source moved on without it: the translation is stale.
    /// </summary>
    public string? TranslatedFromHash { get; set; }

    public bool IsStale { get; set; }
}
