using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace RightsAcademy.Web.Infrastructure.Mail;

internal sealed class OutboxAttachmentConfiguration : IEntityTypeConfiguration<OutboxAttachment>
{
    public const int FileNameMaxLength = 200;
    public const int ContentTypeMaxLength = 100;

    public void Configure(EntityTypeBuilder<OutboxAttachment> builder)
    {
        builder.Property(a => a.FileName).HasMaxLength(FileNameMaxLength);
        builder.Property(a => a.ContentType).HasMaxLength(ContentTypeMaxLength);
        builder.HasOne<OutboxMessage>().WithMany().HasForeignKey(a => a.OutboxMessageId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(a => new { a.OutboxMessageId, a.Position }).IsUnique();
    }
}
