namespace RightsAcademy.Web.Features.Cohorts;

public static class CohortsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddCohorts(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<CohortSeats>();
        builder.Services.AddScoped<CohortMails>();
        builder.Services.AddScoped<CohortNews>();
        builder.Services.AddScoped<SaveCohort.Handler>();
        builder.Services.AddScoped<CopyCohort.Handler>();
        builder.Services.AddScoped<SetPacing.Handler>();
        builder.Services.AddScoped<InviteToCohort.Handler>();
        builder.Services.AddScoped<ImportStaff.Handler>();
        builder.Services.AddScoped<JoinCohort.Handler>();
        builder.Services.AddScoped<LeaveCohort.Handler>();
        builder.Services.AddScoped<ShareEmail.Handler>();
        builder.Services.AddScoped<ListCohorts.Handler>();
        builder.Services.AddScoped<ShowCohort.Handler>();
        builder.Services.AddScoped<MyCohorts.Handler>();
        builder.Services.AddScoped<ShowMyCohort.Handler>();
        builder.Services.AddScoped<ShowRoster.Handler>();
        builder.Services.AddScoped<RunCohortLifecycle>();
        return builder;
    }
}
