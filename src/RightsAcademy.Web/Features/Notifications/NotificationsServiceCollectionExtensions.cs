using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsAcademy.Web.Features.Sessions;

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
        services.AddScoped<ICoordinatorDigestSection, UpcomingSessionsSection>();
        services.AddScoped<SessionMails>();
        services.AddScoped<SendSessionMails>();
        // Sessions registers a no-op with TryAdd; this replaces it whichever feature is added first.
        services.RemoveAll<ISessionReminders>();
        services.AddScoped<ISessionReminders>(provider => provider.GetRequiredService<SessionMails>());
        return builder;
    }
}
