namespace RightsAcademy.Web.Features.Outbox;

public static class OutboxPagesServiceCollectionExtensions
{
    public static IServiceCollection AddOutboxPages(this IServiceCollection services)
    {
        services.AddScoped<ListOutbox.Handler>();
        services.AddScoped<ShowOutboxMessage.Handler>();
        services.AddScoped<ResendOutboxMessage.Handler>();
        return services;
    }
}
