using Microsoft.AspNetCore.Localization;

namespace RightsAcademy.Web.Infrastructure.Localization;

public static class LocalisationServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddLocalisation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddLocalization(o => o.ResourcesPath = "Resources");
        builder.Services.Configure<RequestLocalizationOptions>(options =>
        {
            var cultures = SupportedCultures.Codes.ToArray();
            options.SetDefaultCulture(SupportedCultures.Default)
                .AddSupportedCultures(cultures)
                .AddSupportedUICultures(cultures);
            options.FallBackToParentCultures = true;
            options.FallBackToParentUICultures = true;
            options.RequestCultureProviders =
            [
                new ProfileRequestCultureProvider(),
                new CookieRequestCultureProvider(),
                new AcceptLanguageHeaderRequestCultureProvider(),
            ];
        });
        return builder;
    }
}
