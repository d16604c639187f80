using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Testing;

/// <summary>
/// Stands in for the mail seam so tests can follow the links a user would receive. Delivery itself is
/// tested through a real SMTP server where MailKit is wired in.
/// </summary>
public sealed partial class CapturingMailer : IMailer
{
    private readonly ConcurrentQueue<OutgoingMail> _sent = new();

    public IReadOnlyList<OutgoingMail> Sent => [.. _sent];

    public Task SendAsync(OutgoingMail mail, CancellationToken cancellationToken = default)
    {
        _sent.Enqueue(mail);
        return Task.CompletedTask;
    }

    public OutgoingMail LastTo(string address) =>
        Sent.LastOrDefault(m => string.Equals(m.ToAddress, address, StringComparison.OrdinalIgnoreCase))
        ?? throw new InvalidOperationException($"No mail was sent to {address}.");

    /// <summary>The first http(s) link in the plain-text part, made relative so the test client can follow it.</summary>
    public static string LinkIn(OutgoingMail mail)
    {
        var match = Link().Match(mail.TextBody);
        return match.Success ? new Uri(match.Value).PathAndQuery : throw new InvalidOperationException("The mail holds no link.");
    }

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Link();
}
