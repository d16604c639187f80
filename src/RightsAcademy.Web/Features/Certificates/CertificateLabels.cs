using System.Globalization;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The certificate's fixed texts in the learner's language, read from the resources once so the renderer and
/// the badge builder need no localizer (and tests can pass any texts).
/// </summary>
/// <param name="Language">The interface language the texts are in; it decides the page direction and date format.</param>
/// <param name="CompletedOn">A format with <c>{0}</c> for the date.</param>
/// <param name="DateFormat">A .NET date pattern, so each language gets its own word order (e.g. "d 'de' MMMM 'de' yyyy").</param>
/// <param name="Hours">A format with <c>{0}</c> for the number of hours.</param>
/// <param name="BadgeDescription">A format with <c>{0}</c> for the course title and <c>{1}</c> for the hours.</param>
/// <param name="BadgeCriteria">A format with <c>{0}</c> for the course title.</param>
public sealed record CertificateLabels(
    string Language,
    string Heading,
    string AwardedTo,
    string ForCompleting,
    string CompletedOn,
    string DateFormat,
    string Hours,
    string IssuedBy,
    string VerifyAt,
    string VerificationCode,
    string CertificateId,
    string BadgeDescription,
    string BadgeCriteria)
{
    public CultureInfo Culture => CultureInfo.GetCultureInfo(Language);

    public bool IsRightToLeft => Culture.TextInfo.IsRightToLeft;

    public string FormatCompletedOn(DateOnly date) =>
        string.Format(Culture, CompletedOn, date.ToString(DateFormat, Culture));

    public string FormatHours(decimal hours) => string.Format(Culture, Hours, FormatNumber(hours));

    public string FormatBadgeDescription(string courseTitle, decimal hours) =>
        string.Format(Culture, BadgeDescription, courseTitle, FormatNumber(hours));

    public string FormatBadgeCriteria(string courseTitle) => string.Format(Culture, BadgeCriteria, courseTitle);

    private string FormatNumber(decimal value) => value.ToString("0.##", Culture);

    /// <summary>The labels in <paramref name="language"/>, or in the default language when it is not an interface language.</summary>
    public static CertificateLabels For(IStringLocalizer t, string language)
    {
        var effective = SupportedCultures.IsSupported(language) ? language : SupportedCultures.Default;
        // The localizer reads the current UI culture; the issuing job runs in no request's culture.
        using var scope = new CultureScope(effective);
        return new CertificateLabels(
            effective,
            t["Certificate.Heading"],
            t["Certificate.AwardedTo"],
            t["Certificate.ForCompleting"],
            t["Certificate.CompletedOn"],
            t["Certificate.DateFormat"],
            t["Certificate.Hours"],
            t["Certificate.IssuedBy"],
            t["Certificate.VerifyAt"],
            t["Certificate.VerificationCode"],
            t["Certificate.CertificateId"],
            t["Certificate.BadgeDescription"],
            t["Certificate.BadgeCriteria"]);
    }
}
