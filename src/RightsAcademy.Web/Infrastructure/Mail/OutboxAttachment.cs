namespace RightsAcademy.Web.Infrastructure.Mail;

/// <summary>A file sent with an outbox mail (e.g. a certificate PDF), kept with the mail so every attempt sends the same bytes.</summary>
public sealed class OutboxAttachment
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    public Guid OutboxMessageId { get; set; }

    public int Position { get; set; }

    public required string FileName { get; set; }

    public required string ContentType { get; set; }

    public required byte[] Content { get; set; }
}
