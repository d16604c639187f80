namespace RightsAcademy.Web.Features.Authoring;

public static class AuthoringServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddAuthoring(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DraftCompiler>();
        builder.Services.AddScoped<ListWorkspace.Handler>();
        builder.Services.AddScoped<CreateCourse.Handler>();
        builder.Services.AddScoped<ShowDraft.Handler>();
        builder.Services.AddScoped<AddPage.Handler>();
        builder.Services.AddScoped<OpenFile.Handler>();
        builder.Services.AddScoped<SaveFile.Handler>();
        builder.Services.AddScoped<PublishCourse.Handler>();
        builder.Services.AddScoped<MoveItem.Handler>();
        builder.Services.AddScoped<AddTranslation.Handler>();
        builder.Services.AddScoped<MarkUpToDate.Handler>();
        builder.Services.AddScoped<ExportCourse.Handler>();
        builder.Services.AddScoped<FileHistory.Handler>();
        builder.Services.AddScoped<RestoreVersion.Handler>();
        builder.Services.AddScoped<ImportCourseZip.Handler>();
        builder.Services.AddScoped<UploadImage.Handler>();
        builder.Services.AddScoped<AddOwner.Handler>();
        return builder;
    }
}
