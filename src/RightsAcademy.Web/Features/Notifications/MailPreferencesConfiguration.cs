using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Notifications;

internal sealed class MailPreferencesConfiguration : IEntityTypeConfiguration<MailPreferences>
{
    public void Configure(EntityTypeBuilder<MailPreferences> builder)
    {
        builder.HasKey(p => p.UserId);
        builder.Property(p => p.Digest).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<AppUser>().WithOne().HasForeignKey<MailPreferences>(p => p.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class DigestItemConfiguration : IEntityTypeConfiguration<DigestItem>
{
    public void Configure(EntityTypeBuilder<DigestItem> builder)
    {
        builder.Property(i => i.Key).HasMaxLength(OutboxMessageConfiguration.IdempotencyKeyMaxLength);
        // One item per event, like the outbox: the digest job and a re-run of the producer cannot double it.
        builder.HasIndex(i => i.Key).IsUnique();
        builder.Property(i => i.Title).HasMaxLength(300);
        builder.Property(i => i.Text).HasMaxLength(2000);
        builder.Property(i => i.Url).HasMaxLength(1000);
        builder.Property(i => i.DigestKey).HasMaxLength(OutboxMessageConfiguration.IdempotencyKeyMaxLength);
        // What the digest job asks: this person's items not yet sent.
        builder.HasIndex(i => new { i.UserId, i.DigestKey });
        builder.HasOne<AppUser>().WithMany().HasForeignKey(i => i.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
