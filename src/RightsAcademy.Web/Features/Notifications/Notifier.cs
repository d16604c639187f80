using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Where feature mail is decided and written. Essential mail always goes out. Non-essential mail follows the
/// recipient's choices: nothing for a stopped category, a digest item when the category waits for their digest,
/// otherwise a single mail with a one-click unsubscribe link for that category. Call it in the recipient's
/// language (<see cref="Infrastructure.Localization.CultureScope"/>); it joins the caller's transaction.
/// </summary>
public sealed class Notifier(AppDbContext db, IMailer mailer, UnsubscribeTokens tokens, SiteAddress site, IStringLocalizer<SharedResource> t,
    TimeProvider clock)
{
    public enum Outcome { Mailed, Gathered, Stopped, AlreadyWritten }

    public async Task<MailPreferences> PreferencesAsync(Guid userId, CancellationToken cancellationToken) =>
        await db.MailPreferences.AsNoTracking().SingleOrDefaultAsync(p => p.UserId == userId, cancellationToken) ?? MailPreferences.Default(userId);

    public string UnsubscribeUrl(Guid userId, MailCategory category) => site.Link($"unsubscribe/{tokens.Create(userId, category)}");

    public Task SendEssentialAsync(Recipient to, string key, MailContent content, IReadOnlyList<MailAttachment>? attachments = null,
        CancellationToken cancellationToken = default)
    {
        var (text, html) = MailWriter.Write(content, [t["Mail.Footer.Essential"].Value]);
        return mailer.SendAsync(new OutgoingMail(key, to.Email, to.Name, System.Globalization.CultureInfo.CurrentUICulture.Name, content.Subject,
            text, html, attachments), cancellationToken);
    }

    public async Task<Outcome> NotifyAsync(Recipient to, MailCategory category, string key, MailContent content, CancellationToken cancellationToken,
        IReadOnlyList<MailAttachment>? attachments = null)
    {
        var preferences = await PreferencesAsync(to.UserId, cancellationToken);
        if (!preferences.Receives(category))
        {
            return Outcome.Stopped;
        }

        // The key may already be a digest item while the person now wants single mails (or the other way round):
        // one event is told once, whichever way it went.
        if (await WrittenAsync(key, cancellationToken))
        {
            return Outcome.AlreadyWritten;
        }

        if (preferences.IsGathered(category) && preferences.Receives(MailCategory.Digests))
        {
            var title = Truncate(content.Subject, 300);
            var text = Truncate(string.Join(" ", content.Paragraphs), 2000);
            await db.Database.ExecuteSqlAsync($"""
                INSERT INTO "DigestItems" ("Id", "UserId", "Key", "Category", "Title", "Text", "Url", "CreatedUtc")
                VALUES ({Guid.CreateVersion7()}, {to.UserId}, {key}, {(int)category}, {title}, {text}, {content.ActionUrl}, {clock.GetUtcNow()})
                ON CONFLICT ("Key") DO NOTHING
                """, cancellationToken);
            return Outcome.Gathered;
        }

        await SendListMailAsync(to, category, key, content, attachments, cancellationToken);
        return Outcome.Mailed;
    }

    /// <summary>A non-essential mail, with the footer and headers that let the recipient stop its category.</summary>
    public Task SendListMailAsync(Recipient to, MailCategory category, string key, MailContent content, IReadOnlyList<MailAttachment>? attachments,
        CancellationToken cancellationToken)
    {
        var unsubscribe = UnsubscribeUrl(to.UserId, category);
        var footer = new[]
        {
            t["Mail.Footer.Category", t[$"MailCategory.{category}"].Value].Value,
            $"{t["Mail.Footer.Unsubscribe"].Value}: {unsubscribe}",
            $"{t["Mail.Footer.Preferences"].Value}: {site.Link("account/profile#mail")}",
        };
        var (text, html) = MailWriter.Write(content, footer);
        return mailer.SendAsync(new OutgoingMail(key, to.Email, to.Name, System.Globalization.CultureInfo.CurrentUICulture.Name, content.Subject,
            text, html, attachments, unsubscribe), cancellationToken);
    }

    /// <summary>Whether a mail or a digest item with this key exists.</summary>
    public async Task<bool> WrittenAsync(string key, CancellationToken cancellationToken) =>
        await db.OutboxMessages.AnyAsync(m => m.IdempotencyKey == key, cancellationToken)
        || await db.DigestItems.AnyAsync(i => i.Key == key, cancellationToken);

    private static string Truncate(string value, int length) => value.Length <= length ? value : value[..length];
}
