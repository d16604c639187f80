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
        builder.Services.AddScoped<SessionSeats>();
        builder.Services.AddScoped<CalendarFeeds>();
        builder.Services.AddScoped<SaveSession.Handler>();
        builder.Services.AddScoped<CancelSession.Handler>();
        builder.Services.AddScoped<AnswerSession.Handler>();
        builder.Services.AddScoped<ShowSession.Handler>();
        builder.Services.AddScoped<ListSessions.Handler>();
        builder.Services.AddScoped<RecordSession.Handler>();
        builder.Services.AddScoped<Practices.PublishPractice.Handler>();
        builder.Services.AddScoped<Practices.SearchPractices.Handler>();
        return builder;
    }
}
