using RightsAcademy.Web.Features.ContentImport;

namespace RightsAcademy.Web.Features.Courses;

public static class CoursesServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCourses(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<CourseStructures>();
        builder.Services.AddScoped<CourseImporter>();
        builder.Services.AddScoped<CourseCompletion>();
        builder.Services.AddScoped<BrowseCatalog.Handler>();
        builder.Services.AddScoped<ShowCourse.Handler>();
        builder.Services.AddScoped<EnrolInCourse.Handler>();
        builder.Services.AddScoped<ShowLesson.Handler>();
        builder.Services.AddScoped<CompleteLesson.Handler>();
        builder.Services.AddScoped<SubmitQuiz.Handler>();
        builder.Services.AddScoped<LearnerProgress.Handler>();
        builder.Services.AddScoped<PrintModule.Handler>();
        return builder;
    }
}
