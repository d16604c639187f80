using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsAcademy.Web.Infrastructure.Mail;

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public const int IdempotencyKeyMaxLength = 200;
    public const int SubjectMaxLength = 500;
    public const int LastErrorMaxLength = 2000;
    public const int UnsubscribeUrlMaxLength = 1000;

    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.IdempotencyKey).HasMaxLength(IdempotencyKeyMaxLength);
        // The guarantee "one mail per key" lives in the database, where two nodes cannot both win.
        builder.HasIndex(m => m.IdempotencyKey).IsUnique();
        builder.Property(m => m.MessageId).HasMaxLength(255);
        builder.Property(m => m.ToAddress).HasMaxLength(320);
        builder.Property(m => m.ToName).HasMaxLength(200);
        builder.Property(m => m.Language).HasMaxLength(8);
        builder.Property(m => m.Subject).HasMaxLength(SubjectMaxLength);
        builder.Property(m => m.UnsubscribeUrl).HasMaxLength(UnsubscribeUrlMaxLength);
        builder.Property(m => m.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(m => m.LastError).HasMaxLength(LastErrorMaxLength);
        // What the delivery job asks for: due Pending rows, and Sending rows whose sender may have died.
        builder.HasIndex(m => new { m.Status, m.NextAttemptUtc });
        // The admin page lists newest first.
        builder.HasIndex(m => m.CreatedUtc);
    }
}
