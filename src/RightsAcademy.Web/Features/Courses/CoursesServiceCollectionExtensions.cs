using RightsAcademy.Web.Features.ContentImport;

namespace RightsAcademy.Web.Features.Courses;

public static class CoursesServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCourses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CourseImporter>();
        return builder;
    }
}
