namespace RightsAcademy.Web.Features.Courses;

/// <summary>A problem found by the last import, listed for trainers and admins.</summary>
public sealed class ImportProblem
{
    public long Id { get; set; }

    public string? CourseSlug { get; set; }

    public required string Path { get; set; }

    public int Line { get; set; }

    public bool IsError { get; set; }

    public required string Code { get; set; }

    public required string Message { get; set; }

    public DateTimeOffset FoundUtc { get; set; }
}
