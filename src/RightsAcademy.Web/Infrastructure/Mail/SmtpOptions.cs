using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>Section <c>Smtp</c>. An empty Host means no SMTP server: mail stays in the outbox for admins to read.</summary>
public sealed class SmtpOptions
{
    public const string Section = "Smtp";

    public string? Host { get; set; }

    [Range(1, 65535, ErrorMessage = "Setting Smtp:Port must be between 1 and 65535.")]
    public int Port { get; set; } = 587;

    public SmtpSecurity Security { get; set; } = SmtpSecurity.StartTls;

    public string? UserName { get; set; }

    public string? Password { get; set; }

    public string? FromAddress { get; set; }

    public string FromName { get; set; } = "RightsAcademy";

    /// <summary>For each step of the SMTP conversation (connect, each command, the message data).</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:02:00", ErrorMessage = "Setting Smtp:Timeout must be between 1 second and 2 minutes.")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The wait after the first temporary failure; it doubles after each further one.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = "Setting Smtp:RetryBaseDelay must be between 0 and 1 hour.")]
    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(30);

    [Range(typeof(TimeSpan), "00:00:00", "1.00:00:00", ErrorMessage = "Setting Smtp:RetryMaxDelay must be between 0 and 1 day.")]
    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>
    /// Like a mail server's queue lifetime: temporary failures (server down, 4xx replies) are retried until then,
    /// so an outage of a few hours loses nothing; after it the mail is Failed and an admin can resend it.
    /// </summary>
    [Range(typeof(TimeSpan), "00:01:00", "30.00:00:00", ErrorMessage = "Setting Smtp:GiveUpAfter must be between 1 minute and 30 days.")]
    public TimeSpan GiveUpAfter { get; set; } = TimeSpan.FromDays(3);

    /// <summary>
    /// SMTP connections one delivery run sends over at once. Each mail costs a few round trips to the server, so with a
    /// relay some milliseconds away one connection carries tens of mails a second; several carry a burst (a reminder run
    /// for a large session) in proportion. Providers limit connections per client: stay under their limit.
    /// </summary>
    [Range(1, 16, ErrorMessage = "Setting Smtp:Connections must be between 1 and 16.")]
    public int Connections { get; set; } = 4;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);

    /// <summary>
    /// How long a claimed mail may stay in Sending before its sender is presumed dead. Longer than any SMTP
    /// conversation can take (each of its steps is bounded by <see cref="Timeout"/>), so a live sender never
    /// loses its claim.
    /// </summary>
    public TimeSpan SendingLease => ConversationBound + TimeSpan.FromMinutes(1);

    /// <summary>The longest one mail's SMTP conversation can take: every step of it is bounded by <see cref="Timeout"/>.</summary>
    public TimeSpan ConversationBound => Timeout * 10;

    /// <summary>The right-hand side of Message-IDs: the sender's own domain, as RFC 5322 suggests.</summary>
    public string MessageIdDomain =>
        FromAddress is { } from && from.LastIndexOf('@') is var at and > 0 && at < from.Length - 1
            ? from[(at + 1)..].Trim().ToLowerInvariant()
            : "rightsacademy.invalid";
}

public enum SmtpSecurity
{
    /// <summary>Plain text: only for a relay on the same machine or network (and for tests).</summary>
    None,

    /// <summary>Upgrade with STARTTLS, required (port 587).</summary>
    StartTls,

    /// <summary>TLS from the first byte (port 465).</summary>
    SslOnConnect,

    /// <summary>STARTTLS when the server offers it, plain text otherwise.</summary>
    StartTlsWhenAvailable,
}

/// <summary>What data annotations cannot say: settings that only make sense together.</summary>
internal sealed class SmtpOptionsValidator : IValidateOptions<SmtpOptions>
{
    public ValidateOptionsResult Validate(string? name, SmtpOptions options)
    {
        if (!options.IsConfigured)
        {
            return ValidateOptionsResult.Success;
        }

        var failures = new List<string>();
        if (options.Host!.Any(c => char.IsWhiteSpace(c) || char.IsControl(c)))
        {
            failures.Add("Setting Smtp:Host must be a host name or address without spaces.");
        }

        if (string.IsNullOrWhiteSpace(options.FromAddress))
        {
            failures.Add("Setting Smtp:FromAddress is required when Smtp:Host is set.");
        }
        else if (!OutboxMimeMessage.IsPlainAddress(options.FromAddress))
        {
            failures.Add("Setting Smtp:FromAddress must be a single e-mail address such as academy@example.org.");
        }

        if (string.IsNullOrEmpty(options.UserName) != string.IsNullOrEmpty(options.Password))
        {
            failures.Add("Settings Smtp:UserName and Smtp:Password must be set together (or both left empty).");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
