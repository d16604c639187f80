using System.Globalization;
using System.Net;
using Microsoft.Extensions.Localization;
using RightsAcademy.Web.Infrastructure.Localization;
using RightsAcademy.Web.Infrastructure.Mail;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>The "your certificate" mail, in the learner's language, with the PDF attached.</summary>
public sealed class CertificateMails(IStringLocalizer<SharedResource> t, IMailer mailer, CertificateIssuer issuer)
{
    /// <summary>One mail per certificate: a repeated job run queues nothing more.</summary>
    public static string Key(Guid certificateId) => $"certificate:{certificateId}";

    public static string PdfFileName(Certificate certificate) => $"certificate-{certificate.Code}.pdf";

    public Task SendIssuedAsync(Certificate certificate, string email, string language, CancellationToken cancellationToken)
    {
        using var _ = new CultureScope(SupportedCultures.IsSupported(language) ? language : SupportedCultures.Default);
        var subject = t["Mail.Certificate.Subject", certificate.CourseTitle].Value;
        var body = t["Mail.Certificate.Body", certificate.LearnerName, certificate.CourseTitle].Value;
        var listAction = t["Mail.Certificate.Action"].Value;
        var listLink = new Uri(issuer.BaseUrl, "certificates").AbsoluteUri;
        var verify = t["Mail.Certificate.Verify"].Value;
        var culture = CultureInfo.CurrentUICulture;
        var text = $"{body}\n\n{listAction}: {listLink}\n{verify}: {certificate.VerificationUrl}\n";
        var html = $"""
            <!DOCTYPE html><html lang="{WebUtility.HtmlEncode(culture.Name)}" dir="{(culture.TextInfo.IsRightToLeft ? "rtl" : "ltr")}"><body>
            <p>{WebUtility.HtmlEncode(body)}</p>
            <p><a href="{WebUtility.HtmlEncode(listLink)}">{WebUtility.HtmlEncode(listAction)}</a></p>
            <p>{WebUtility.HtmlEncode(verify)}: <a href="{WebUtility.HtmlEncode(certificate.VerificationUrl)}">{WebUtility.HtmlEncode(certificate.VerificationUrl)}</a></p>
            </body></html>
            """;
        return mailer.SendAsync(
            new OutgoingMail(Key(certificate.Id), email, certificate.LearnerName, culture.Name, subject, text, html,
                [new MailAttachment(PdfFileName(certificate), "application/pdf", certificate.Pdf)]),
            cancellationToken);
    }
}
