using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Municipalities;
using RightsAcademy.Web.Features.Sessions;

namespace RightsAcademy.Web.Features.Practices;

internal sealed class PracticeConfiguration : IEntityTypeConfiguration<Practice>
{
    public const int TitleMaxLength = 200;
    public const int CityMaxLength = 120;
    public const int ThemeMaxLength = 80;
    public const int ContactMaxLength = 300;
    public const int MarkdownMaxLength = 10_000;

    public void Configure(EntityTypeBuilder<Practice> builder)
    {
        builder.Property(p => p.Title).HasMaxLength(TitleMaxLength);
        builder.Property(p => p.City).HasMaxLength(CityMaxLength);
        builder.Property(p => p.Country).HasMaxLength(2).IsFixedLength();
        builder.Property(p => p.Theme).HasMaxLength(ThemeMaxLength);
        builder.Property(p => p.Contact).HasMaxLength(ContactMaxLength);
        builder.Property(p => p.SummaryMarkdown).HasMaxLength(MarkdownMaxLength);
        builder.Property(p => p.WhatWorkedMarkdown).HasMaxLength(MarkdownMaxLength);
        // The library filters on theme, country and city and lists newest first.
        builder.HasIndex(p => new { p.Theme, p.PublishedUtc });
        builder.HasIndex(p => new { p.Country, p.PublishedUtc });
        builder.HasIndex(p => p.City);
        builder.HasIndex(p => p.PublishedUtc);
        builder.HasIndex(p => p.SessionId);
        builder.HasIndex(p => p.MunicipalityId);
        builder.HasOne<ExchangeSession>().WithMany().HasForeignKey(p => p.SessionId).OnDelete(DeleteBehavior.SetNull);
        builder.HasOne<Municipality>().WithMany().HasForeignKey(p => p.MunicipalityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<AppUser>().WithMany().HasForeignKey(p => p.PublishedById).OnDelete(DeleteBehavior.Restrict);
    }
}
