namespace RightsAcademy.Web.Features.PersonalData;

public static class PersonalDataServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddPersonalData(this IHostApplicationBuilder builder)
    {
        builder.Services.AddScoped<ExportPersonalData.Handler>();
        builder.Services.AddScoped<DeleteAccount.Handler>();
        return builder;
    }
}
