namespace RightsAcademy.Web.Infrastructure.Mail;

public static class MailServiceCollectionExtensions
{
    public static IHostApplicationBuilder AddMail(this IHostApplicationBuilder builder)
    {
        builder.Services.AddSingleton<IMailer, LoggingMailer>();
        return builder;
    }
}
