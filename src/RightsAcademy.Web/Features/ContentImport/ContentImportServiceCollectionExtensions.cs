namespace RightsAcademy.Web.Features.ContentImport;

public static class ContentImportServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddContentImport(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ListImportProblems.Handler>();
        return builder;
    }
}
