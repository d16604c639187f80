using Microsoft.Extensions.DependencyInjection.Extensions;
using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Sessions;

public static class SessionsServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddSessions(this IHostApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton<MarkdownRenderer>();
        builder.Services.AddSingleton<SessionMarkdown>();
        // The notifications feature replaces this with its mail-sending implementation.
        builder.Services.TryAddScoped<ISessionReminders, NoSessionReminders>();
        return builder;
    }
}
