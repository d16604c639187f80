using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Outbox;
using RightsAcademy.Web.Infrastructure.Data;

namespace RightsAcademy.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<SmtpOptions>().BindConfiguration(SmtpOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IValidateOptions<SmtpOptions>, SmtpOptionsValidator>();

        services.AddSingleton<OutboxDeliveryTrigger>();
        // The trigger learns about commits of the transactions that wrote mail.
        services.ConfigureDbContext<AppDbContext>((provider, options) => options.AddInterceptors(provider.GetRequiredService<OutboxDeliveryTrigger>()));
        services.AddScoped<OutboxMailer>();
        services.AddScoped<IMailer>(provider => provider.GetRequiredService<OutboxMailer>());
        services.AddScoped<DeliverOutbox>();

        // The admin page belongs with the outbox it shows; registered here so the site has one AddMail call.
        services.AddOutboxPages();
        return builder;
    }
}
