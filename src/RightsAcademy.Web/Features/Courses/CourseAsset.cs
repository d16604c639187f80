namespace RightsAcademy.Web.Features.Courses;

/// <summary>An image or attachment from a course's assets/ folder, served with a content hash in its URL.</summary>
public sealed class CourseAsset
{
    public Guid CourseId { get; set; }

    public required string Path { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Bytes { get; set; }

    public required string ContentHash { get; set; }
}
