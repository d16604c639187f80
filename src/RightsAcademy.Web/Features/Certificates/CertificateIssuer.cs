using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Turns what a certificate states into the stored certificate: a new code, the rendered PDF and the signed
/// credential. Everything is produced once, here, and kept: nothing is re-rendered from live data later.
/// </summary>
public sealed class CertificateIssuer(
    IStringLocalizer<SharedResource> t,
    CertificatePdfRenderer renderer,
    OpenBadgeCredentialBuilder badges,
    CredentialSigner signer,
    IOptions<CertificateOptions> options,
    TimeProvider clock)
{
    /// <summary>The facts a certificate is built from, before it has a code or an id.</summary>
    public sealed record Facts(
        Guid? UserId,
        Guid CourseId,
        string CourseSlug,
        string RunKey,
        string LearnerName,
        string CourseTitle,
        string CourseLanguage,
        string LabelsLanguage,
        string MunicipalityName,
        DateOnly CompletionDate,
        decimal Hours,
        string IssuingOrganisation);

    /// <summary>The configured issuer, named on certificates of courses that state none.</summary>
    public string IssuerName => options.Value.IssuerName;

    public Uri BaseUrl => new(options.Value.IssuerUrl ?? throw new InvalidOperationException("Setting Certificates:IssuerUrl is not set."));

    public Uri VerificationUrl(string code) => new(BaseUrl, $"verify/{code}");

    public async Task<Certificate> CreateAsync(Facts facts, Guid? replacesId, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var code = VerificationCode.New();
        var url = VerificationUrl(code);
        var now = clock.GetUtcNow();
        var content = new CertificateContent(facts.LearnerName, facts.CourseTitle, facts.CourseLanguage, facts.MunicipalityName,
            facts.CompletionDate, facts.Hours, facts.IssuingOrganisation, code, url, id);
        var labels = CertificateLabels.For(t, facts.LabelsLanguage);
        var pdf = renderer.Render(content, labels);
        var credential = badges.Build(content, labels, new Uri(BaseUrl, $"courses/{facts.CourseSlug}"), now);
        var jwt = await signer.SignAsync(credential, cancellationToken);
        return new Certificate
        {
            Id = id,
            Code = code,
            UserId = facts.UserId,
            CourseId = facts.CourseId,
            CourseSlug = facts.CourseSlug,
            RunKey = facts.RunKey,
            LearnerName = facts.LearnerName,
            CourseTitle = facts.CourseTitle,
            CourseLanguage = facts.CourseLanguage,
            LabelsLanguage = labels.Language,
            MunicipalityName = facts.MunicipalityName,
            CompletionDate = facts.CompletionDate,
            Hours = facts.Hours,
            IssuingOrganisation = facts.IssuingOrganisation,
            VerificationUrl = url.AbsoluteUri,
            IssuedUtc = now,
            Pdf = pdf,
            Credential = jwt,
            ReplacesId = replacesId,
        };
    }

    /// <summary>The snapshot of a certificate as facts, to issue its replacement with only the name changed.</summary>
    public static Facts FactsOf(Certificate certificate, string learnerName) => new(
        certificate.UserId, certificate.CourseId, certificate.CourseSlug, certificate.RunKey, learnerName, certificate.CourseTitle,
        certificate.CourseLanguage, certificate.LabelsLanguage, certificate.MunicipalityName, certificate.CompletionDate,
        certificate.Hours, certificate.IssuingOrganisation);
}
