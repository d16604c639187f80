namespace RightsAcademy.Web.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddNotifications(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddSingleton<UnsubscribeTokens>();
        services.AddSingleton<SiteAddress>();
        services.AddScoped<Notifier>();
        services.AddScoped<Unsubscribe.Handler>();
        services.AddScoped<SetMailPreferences.Handler>();
        services.AddScoped<SendDueSoonMails>();
        services.AddScoped<SendInactivityNudges>();
        services.AddScoped<SendDigests>();
        return builder;
    }
}
