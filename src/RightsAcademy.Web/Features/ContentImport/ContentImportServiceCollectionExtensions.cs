namespace RightsAcademy.Web.Features.ContentImport;

public static class ContentImportServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddContentImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListImportProblems.Handler>();
        builder.Services.AddScoped<ListStaleTranslations.Handler>();
        return builder;
    }
}
