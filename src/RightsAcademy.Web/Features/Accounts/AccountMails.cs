using System.Net;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Accounts;

/// <summary>Account mails, written in the recipient's language whatever the sender's is.</summary>
public sealed class AccountMails(IStringLocalizer<SharedResource> t, IMailer mailer)
{
    public Task SendInvitationAsync(AppUser user, string inviterName, string link, CancellationToken cancellationToken = default)
    {
        using var _ = new CultureScope(user.PreferredLanguage);
        return mailer.SendAsync(
            Compose(user, t["Mail.Invitation.Subject"], t["Mail.Invitation.Body", user.DisplayName, inviterName], link, t["Mail.Invitation.Action"]),
            cancellationToken);
    }

    public Task SendPasswordResetAsync(AppUser user, string link, CancellationToken cancellationToken = default)
    {
        using var _ = new CultureScope(user.PreferredLanguage);
        return mailer.SendAsync(
            Compose(user, t["Mail.PasswordReset.Subject"], t["Mail.PasswordReset.Body", user.DisplayName], link, t["Mail.PasswordReset.Action"]),
            cancellationToken);
    }

    private OutgoingMail Compose(AppUser user, string subject, string body, string link, string action)
    {
        var ignore = t["Mail.IgnoreIfUnexpected"];
        var text = $"{body}\n\n{action}: {link}\n\n{ignore}\n";
        var dir = System.Globalization.CultureInfo.CurrentUICulture.TextInfo.IsRightToLeft ? "rtl" : "ltr";
        var html = $"""
            <!DOCTYPE html><html lang="{WebUtility.HtmlEncode(System.Globalization.CultureInfo.CurrentUICulture.Name)}" dir="{dir}"><body>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(link)}">{WebUtility.HtmlEncode(action)}</a></p>
            <p>{WebUtility.HtmlEncode(ignore)}</p>
            </body></html>
            """;
        return new OutgoingMail(user.Email!, user.DisplayName, subject, text, html);
    }
}
