namespace RightsAcademy.Web.Features.Notifications;

/// <summary>
/// Non-essential mail, by category; each can be stopped on its own (profile or one-click unsubscribe). Essential
/// mail (invitations, password reset, certificates, cohort welcome, session invitations and changes for people who
/// answered yes or maybe) has no category: it is always sent.
/// </summary>
[Flags]
public enum MailCategory
{
    None = 0,
    SessionReminders = 1,
    DueSoon = 2,
    Nudges = 4,
    Digests = 8,
    CohortNews = 16,
}

/// <summary>How a learner receives non-urgent mail (see <see cref="MailPreferences.IsGathered"/>).</summary>
public enum DigestMode { EachMail, Daily, Weekly }

/// <summary>A person's mail choices. No row means the defaults: every category, single mails.</summary>
public sealed class MailPreferences
{
    public static readonly IReadOnlyList<MailCategory> Categories =
        [MailCategory.SessionReminders, MailCategory.DueSoon, MailCategory.Nudges, MailCategory.CohortNews, MailCategory.Digests];

    public Guid UserId { get; set; }

    /// <summary>The categories this person stopped (flags), so one-click unsubscribe is one atomic OR.</summary>
    public MailCategory Stopped { get; set; }

    public DigestMode Digest { get; set; }

    public DateTimeOffset UpdatedUtc { get; set; }

    public static MailPreferences Default(Guid userId) => new() { UserId = userId };

    public bool Receives(MailCategory category) => (Stopped & category) == 0;

    /// <summary>
    /// Whether an item of this category waits for the person's digest instead of going out alone. Session reminders
    /// are urgent (hours) and never wait; due-soon mail (two days ahead) waits for a daily digest but not a weekly one,
    /// which could arrive after the due date.
    /// </summary>
    public bool IsGathered(MailCategory category) => (Digest, category) switch
    {
        (DigestMode.EachMail, _) => false,
        (_, MailCategory.Nudges or MailCategory.CohortNews) => true,
        (DigestMode.Daily, MailCategory.DueSoon) => true,
        _ => false,
    };
}

/// <summary>
/// One non-urgent item waiting for its recipient's digest, written instead of a single mail. The key is the one
/// the single mail would have had, unique, so a re-run adds nothing; <see cref="DigestKey"/> is set in the same
/// transaction as the digest mail that carries it.
/// </summary>
public sealed class DigestItem
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid UserId { get; set; }

    public required string Key { get; set; }

    public MailCategory Category { get; set; }

    /// <summary>Written in the recipient's language when the item arose.</summary>
    public required string Title { get; set; }

    public required string Text { get; set; }

    public string? Url { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    public string? DigestKey { get; set; }
}
