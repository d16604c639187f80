using System.Globalization;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>The labels come from the app's resources in the learner's language, whatever the current culture is.</summary>
public sealed class CertificateLabelsTests
{
    private static readonly IStringLocalizer Localizer = new ServiceCollection()
        .AddLogging()
        .AddLocalization(o => o.ResourcesPath = "Resources")
        .BuildServiceProvider()
        .GetRequiredService<IStringLocalizer<SharedResource>>();

    [Theory]
    [InlineData("en", "Certificate of completion", false)]
    [InlineData("fr", "Attestation de formation", false)]
    [InlineData("es", "Certificado de finalización", false)]
    [InlineData("ar", "شهادة إتمام", true)]
    public void Labels_are_in_the_learners_language(string language, string heading, bool rightToLeft)
    {
        var labels = CertificateLabels.For(Localizer, language);

        Assert.Equal(language, labels.Language);
        Assert.Equal(heading, labels.Heading);
        Assert.Equal(rightToLeft, labels.IsRightToLeft);
        var texts = new[]
        {
            labels.AwardedTo, labels.ForCompleting, labels.CompletedOn, labels.DateFormat, labels.Hours, labels.IssuedBy,
            labels.VerifyAt, labels.VerificationCode, labels.CertificateId, labels.BadgeDescription, labels.BadgeCriteria,
        };
        Assert.All(texts, t => Assert.False(string.IsNullOrWhiteSpace(t) || t.StartsWith("Certificate.", StringComparison.Ordinal), t));
    }

    [Fact]
    public void The_current_culture_is_left_as_it_was()
    {
        var before = CultureInfo.CurrentUICulture;

        _ = CertificateLabels.For(Localizer, "ar");

        Assert.Equal(before, CultureInfo.CurrentUICulture);
    }

    [Fact]
    public void An_unknown_language_falls_back_to_english()
    {
        Assert.Equal("en", CertificateLabels.For(Localizer, "ko").Language);
    }

    [Theory]
    [InlineData("en", "Completed on 28 November 2026", "Study time: 6.5 h")]
    [InlineData("fr", "Cours terminé le 28 novembre 2026", "Durée : 6,5 h")]
    [InlineData("es", "Curso completado el 28 de noviembre de 2026", "Duración: 6,5 h")]
    public void Dates_and_hours_follow_the_language(string language, string completed, string hours)
    {
        var labels = CertificateLabels.For(Localizer, language);

        Assert.Equal(completed, labels.FormatCompletedOn(new DateOnly(2026, 11, 28)));
        Assert.Equal(hours, labels.FormatHours(6.5m));
    }
}
