using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>
/// Account mails, written in the recipient's language whatever the sender's is, and queued in the outbox through
/// <see cref="IMailer"/> (in the caller's transaction when there is one).
/// </summary>
public sealed class AccountMails(IStringLocalizer<SharedResource> t, IMailer mailer, TimeProvider clock)
{
    /// <summary>
    /// Password-reset mails for one account collapse into one per window: a double click, or someone submitting the
    /// form over and over for another person's address, does not fill that person's mailbox. Any link sent is
    /// still valid, since asking again changes nothing about the account.
    /// </summary>
    public static readonly TimeSpan PasswordResetWindow = TimeSpan.FromMinutes(5);

    /// <summary>One invitation per account: the key is the account.</summary>
    public static string InvitationKey(Guid userId) => $"invitation:{userId}";

    public static string PasswordResetKey(Guid userId, DateTimeOffset now) =>
        $"password-reset:{userId}:{now.ToUnixTimeSeconds() / (long)PasswordResetWindow.TotalSeconds}";

    public Task SendInvitationAsync(AppUser user, string inviterName, string link, CancellationToken cancellationToken = default)
    {
        using var _ = new CultureScope(user.PreferredLanguage);
        return mailer.SendAsync(
            Compose(InvitationKey(user.Id), user, t["Mail.Invitation.Subject"], t["Mail.Invitation.Body", user.DisplayName, inviterName], link,
                t["Mail.Invitation.Action"]),
            cancellationToken);
    }

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken cancellationToken = default)
    {
        using var _ = new CultureScope(user.PreferredLanguage);
        return mailer.SendAsync(
            Compose(PasswordResetKey(user.Id, clock.GetUtcNow()), user, t["Mail.PasswordReset.Subject"], t["Mail.PasswordReset.Body", user.DisplayName],
                link, t["Mail.PasswordReset.Action"]),
            cancellationToken);
    }

    private OutgoingMail Compose(string key, AppUser user, string subject, string body, string link, string action)
    {
        var ignore = t["Mail.IgnoreIfUnexpected"];
        var text = $"{body}\n\n{action}: {link}\n\n{ignore}\n";
        var language = CultureInfo.CurrentUICulture.Name;
        var dir = CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var html = $"""
            <!DOCTYPE html><html lang="{WebUtility.HtmlEncode(language)}" dir="{dir}"><body>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(ignore)}</p>
            </body></html>
            """;
        return new OutgoingMail(key, user.Email!, user.DisplayName, language, subject, text, html);
    }
}
