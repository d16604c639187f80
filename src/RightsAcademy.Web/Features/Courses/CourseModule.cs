namespace RightsAcademy.Web.Features.Courses;

public sealed class CourseModule
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid CourseId { get; set; }

    public required string Slug { get; set; }

    public int Position { get; set; }

    public DateTimeOffset? ArchivedUtc { get; set; }

    public List<ModuleText> Texts { get; set; } = [];

    public List<Lesson> Lessons { get; set; } = [];
}

public sealed class ModuleText : PageTextBase
{
    public Guid ModuleId { get; set; }
}
