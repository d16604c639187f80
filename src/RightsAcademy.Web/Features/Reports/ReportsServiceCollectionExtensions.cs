namespace RightsAcademy.Web.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ReportAccess>();
        builder.Services.AddScoped<ReportFigures>();
        builder.Services.AddScoped<ShowReport.Handler>();
        builder.Services.AddScoped<SetDepartmentTarget.Handler>();
        return builder;
    }
}
