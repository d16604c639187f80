using System.Globalization;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using RightsAcademy.Web.Infrastructure.Mail;
using RightsAcademy.Web.Testing;

namespace RightsAcademy.Web.Tests.Infrastructure.Mail;

/// <summary>
/// The app with its real outbox (the shared factory captures mail in memory instead) and an SMTP sink on
/// 127.0.0.1. No Hangfire server: tests run the delivery job themselves, so they decide when it runs.
/// </summary>
public class MailFixture : AppFixture
{
    public const string FromAddress = "academy@rightsacademy.test";
    public const string RetryBaseDelay = "00:00:10";

    public SmtpSink Sink { get; } = new(SmtpSink.FreePort());

    /// <summary>The site as deployed: every mail goes through the outbox.</summary>
    public WebApplicationFactory<Program> Site { get; private set; } = null!;

    protected virtual bool SmtpConfigured => true;

    protected virtual bool SinkRunsFromTheStart => true;

    protected virtual bool RunsJobServer => false;

    protected override IReadOnlyDictionary<string, string?> Settings
    {
        get
        {
            var settings = new Dictionary<string, string?> { ["BackgroundJobs:RunServer"] = RunsJobServer ? "true" : "false" };
            if (SmtpConfigured)
            {
                settings["Smtp:Host"] = "127.0.0.1";
                settings["Smtp:Port"] = Sink.Port.ToString(CultureInfo.InvariantCulture);
                settings["Smtp:Security"] = "None";
                settings["Smtp:FromAddress"] = FromAddress;
                settings["Smtp:Timeout"] = "00:00:02";
                settings["Smtp:RetryBaseDelay"] = RetryBaseDelay;
            }

            return settings;
        }
    }

    public override async Task InitializeAsync()
    {
        if (SinkRunsFromTheStart)
        {
            await Sink.StartAsync();
        }

        await base.InitializeAsync();
        Site = CreateNode();
    }

    /// <summary>
    /// Another app node on the same database (its own container, delivery trigger and SMTP connections), as on a
    /// second server. Dispose it at the end of the test.
    /// </summary>
    public WebApplicationFactory<Program> CreateNode() => Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
    {
        services.AddScoped<IMailer>(provider => provider.GetRequiredService<OutboxMailer>());
        ConfigureSiteServices(services);
    }));

    /// <summary>More replacements in the site, e.g. a clock the test sets.</summary>
    protected virtual void ConfigureSiteServices(IServiceCollection services)
    {
    }

    public override async Task DisposeAsync()
    {
        if (Site is not null)
        {
            await Site.DisposeAsync();
        }

        await base.DisposeAsync();
        await Sink.DisposeAsync();
    }

    public FormClient CreateFormClient() =>
        new(Site.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }))
        {
            AuthenticatorKeyFor = email => Factory.AuthenticatorKeys.TryGetValue(email, out var key) ? key : null,
        };

    /// <summary>Writes a mail through the app's <see cref="IMailer"/>, as feature code does.</summary>
    public async Task QueueAsync(OutgoingMail mail)
    {
        await using var scope = Site.Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<IMailer>().SendAsync(mail);
    }

    /// <summary>One run of the delivery job, exactly as Hangfire would run it (on <paramref name="node"/>, else the site).</summary>
    public async Task<DeliveryReport> DeliverAsync(WebApplicationFactory<Program>? node = null)
    {
        await using var scope = (node ?? Site).Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DeliverOutbox>().RunAsync(CancellationToken.None);
    }

    public async Task<OutboxMessage> MailAsync(string key) =>
        await MailOrDefaultAsync(key) ?? throw new InvalidOperationException($"No outbox mail with key {key}.");

    public async Task<OutboxMessage?> MailOrDefaultAsync(string key)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleOrDefaultAsync(m => m.IdempotencyKey == key);
    }

    public async Task<List<OutboxMessage>> MailsToAsync(string address)
    {
        await using var db = Factory.Database.CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().Where(m => m.ToAddress == address).ToListAsync();
    }

    /// <summary>Time passing, for a retry: the mail's next attempt is due now.</summary>
    public async Task MakeDueAsync(string key)
    {
        await using var db = Factory.Database.CreateDbContext();
        var now = DateTimeOffset.UtcNow.AddSeconds(-1);
        await db.OutboxMessages.Where(m => m.IdempotencyKey == key).ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptUtc, now));
    }

    /// <summary>A row put in place directly, e.g. one left behind by a delivery run that died.</summary>
    public async Task<OutboxMessage> InsertAsync(OutboxMessage mail)
    {
        await using var db = Factory.Database.CreateDbContext();
        db.OutboxMessages.Add(mail);
        await db.SaveChangesAsync();
        return mail;
    }

    public static OutgoingMail Mail(string key, string to, string name = "Ada Lovelace", string subject = "Hello", string language = "en") =>
        new(key, to, name, language, subject, $"Plain text for {name}.\n", $"<!DOCTYPE html><html><body><p>HTML for {System.Net.WebUtility.HtmlEncode(name)}.</p></body></html>");

    public static OutboxMessage Row(string key, string to, OutboxStatus status, DateTimeOffset? lockedUntil = null) => new()
    {
        IdempotencyKey = key,
        MessageId = OutboxMimeMessage.MessageIdFor(key, "rightsacademy.test"),
        ToAddress = to,
        ToName = "Row Person",
        Language = "en",
        Subject = $"Subject of {key}",
        TextBody = $"Text of {key}",
        HtmlBody = $"<p>HTML of {key}</p>",
        Status = status,
        Attempts = status == OutboxStatus.Pending ? 0 : 1,
        NextAttemptUtc = DateTimeOffset.UtcNow,
        LockedUntilUtc = lockedUntil,
        CreatedUtc = DateTimeOffset.UtcNow,
        QueuedUtc = DateTimeOffset.UtcNow,
    };
}

/// <summary>No SMTP server configured: the default of a local site.</summary>
public sealed class NoSmtpFixture : MailFixture
{
    protected override bool SmtpConfigured => false;

    protected override bool SinkRunsFromTheStart => false;
}

/// <summary>SMTP configured, but nothing listens on its port until the test starts the sink.</summary>
public sealed class SmtpDownFixture : MailFixture
{
    protected override bool SinkRunsFromTheStart => false;
}

/// <summary>Hangfire runs the jobs, as on a real site.</summary>
public sealed class JobServerMailFixture : MailFixture
{
    protected override bool RunsJobServer => true;
}
