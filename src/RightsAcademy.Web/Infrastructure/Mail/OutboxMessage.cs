namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>
/// One mail, written in the same transaction as the change that caused it and delivered later by
/// <see cref="DeliverOutbox"/>. Rows are kept after sending: the admin outbox page is the record of what left.
/// </summary>
public sealed class OutboxMessage
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Unique: the outbox holds at most one mail per event (see <see cref="OutgoingMail.IdempotencyKey"/>).</summary>
    public required string IdempotencyKey { get; set; }

    /// <summary>Derived from the key, so every attempt and every resend carries the same Message-ID.</summary>
    public required string MessageId { get; set; }

    public required string ToAddress { get; set; }

    public required string ToName { get; set; }

    public required string Language { get; set; }

    public required string Subject { get; set; }

    public required string TextBody { get; set; }

    public required string HtmlBody { get; set; }

    /// <summary>Non-essential mail only: the RFC 8058 one-click unsubscribe address (see <see cref="OutgoingMail"/>).</summary>
    public string? UnsubscribeUrl { get; set; }

    public OutboxStatus Status { get; set; }

    /// <summary>SMTP conversations started for this mail, resends included.</summary>
    public int Attempts { get; set; }

    /// <summary>When a Pending mail may be tried (again): now for new mail, later after a temporary failure.</summary>
    public DateTimeOffset NextAttemptUtc { get; set; }

    /// <summary>While Sending: after this the sender is presumed dead and the outcome becomes unknown.</summary>
    public DateTimeOffset? LockedUntilUtc { get; set; }

    /// <summary>The server's reply or the transport error of the last failed attempt, in the server's words.</summary>
    public string? LastError { get; set; }

    public DateTimeOffset CreatedUtc { get; set; }

    /// <summary>When the mail last entered the queue (written or resent): retries give up a fixed time after it.</summary>
    public DateTimeOffset QueuedUtc { get; set; }

    public DateTimeOffset? LastAttemptUtc { get; set; }

    public DateTimeOffset? SentUtc { get; set; }
}

public enum OutboxStatus
{
    /// <summary>Waiting for its first or next attempt (<see cref="OutboxMessage.NextAttemptUtc"/>).</summary>
    Pending,

    /// <summary>Claimed by a delivery job that is talking to the SMTP server.</summary>
    Sending,

    /// <summary>The SMTP server accepted it.</summary>
    Sent,

    /// <summary>Refused for good (a 5xx reply, an unusable address) or retried until the give-up time.</summary>
    Failed,

    /// <summary>
    /// The SMTP server may or may not have accepted it (the connection or the sender died after the recipient was
    /// accepted). Never retried automatically, so never sent twice; an admin may resend it.
    /// </summary>
    OutcomeUnknown,

    /// <summary>No SMTP server is configured: kept for admins to read, not sent.</summary>
    NotConfigured,
}
