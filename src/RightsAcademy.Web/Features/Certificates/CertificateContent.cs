namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Everything a completion certificate states, already in the form it is printed: the learner's name as they
/// write it (any script), the course title in the language the learner took it in.
/// </summary>
/// <param name="CourseLanguage">The language code of <paramref name="CourseTitle"/> (e.g. "ar"), which may differ from the labels' language.</param>
/// <param name="VerificationCode">The canonical form from <see cref="Certificates.VerificationCode"/>.</param>
/// <param name="VerificationUrl">Where anyone can check the certificate; the QR code points there.</param>
public sealed record CertificateContent(
    string LearnerName,
    string CourseTitle,
    string CourseLanguage,
    string MunicipalityName,
    DateOnly CompletionDate,
    decimal Hours,
    string IssuingOrganisation,
    string VerificationCode,
    Uri VerificationUrl,
    Guid CertificateId);
