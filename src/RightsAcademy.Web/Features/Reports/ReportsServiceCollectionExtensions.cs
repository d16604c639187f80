namespace RightsAcademy.Web.Features.Reports;

public static class ReportsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddReports(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReportOptions>().BindConfiguration(ReportOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        // One per node: the cached figures are shared by every request (and forgotten per municipality on this node only).
        builder.Services.AddSingleton<ReportFiguresCache>();
        builder.Services.AddScoped<ReportAccess>();
        builder.Services.AddScoped<ReportFigures>();
        builder.Services.AddScoped<ShowReport.Handler>();
        builder.Services.AddScoped<SetDepartmentTarget.Handler>();
        return builder;
    }
}
