using Microsoft.EntityFrameworkCore;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Features.ContentImport;

public sealed class ProblemAttributionTests(AppFixture app) : IClassFixture<AppFixture>
{
    [Fact]
    public async Task Problems_belong_to_their_course_even_when_a_parent_folder_is_called_courses()
    {
        var parent = Directory.CreateTempSubdirectory("ra-attrib-").FullName;
        try
        {
            // e.g. a checkout in ~/courses/rightsacademy: the path holds "courses" twice.
            var root = Path.Combine(parent, "courses", "rightsacademy", "content");
            SampleCourse.WriteTo(root);
            var broken = Directory.CreateDirectory(Path.Combine(root, "courses", "broken-one")).FullName;
            await File.WriteAllTextAsync(Path.Combine(broken, "course.md"), "---\ntitle: Broken\n---\nNo modules, missing keys.\n");

            var result = await app.Factory.ImportAsync(root);

            Assert.NotEmpty(result.Errors);
            var slugs = await app.Factory.QueryAsync(db => db.ImportProblems.Select(p => p.CourseSlug).Distinct().ToListAsync());
            Assert.Equal(["broken-one"], slugs);
            Assert.True(await app.Factory.QueryAsync(db => db.Courses.AnyAsync(c => c.Slug == SampleCourse.Slug && c.ArchivedUtc == null)));
        }
        finally
        {
            Directory.Delete(parent, recursive: true);
        }
    }
}
