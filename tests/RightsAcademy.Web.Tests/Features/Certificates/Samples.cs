using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

internal static class Samples
{
    public static readonly Guid Id = Guid.Parse("0b9f3c1e-6a52-4f0e-9a4d-2f6f1d8c7e55");

    public static CertificateContent Content(string learner = "Zoë Ångström-Łukasiewicz", string title = "Human rights in local public services", string language = "en")
    {
        var code = VerificationCode.New();
        return new CertificateContent(
            learner,
            title,
            language,
            "Ville de Saint-Étienne",
            new DateOnly(2026, 11, 28),
            6.5m,
            "RightsAcademy",
            code,
            new Uri($"https://academy.example.org/verify/{code}"),
            Id);
    }

    public static CertificateLabels English { get; } = new(
        "en", "Certificate of completion", "awarded to", "for completing the course", "Completed on {0}", "d MMMM yyyy",
        "Study time: {0} h", "Issued by", "Verify this certificate at", "Verification code", "Certificate ID",
        "Awarded for completing the course “{0}” ({1} h of study).",
        "Completed the required lessons and passed the required quizzes of the course “{0}”.");

    public static CertificateLabels Arabic { get; } = new(
        "ar", "شهادة إتمام", "تُمنح إلى", "لإتمام الدورة التدريبية", "تاريخ الإتمام: {0}", "d MMMM yyyy",
        "عدد ساعات الدراسة: {0}", "صادرة عن", "تحقق من هذه الشهادة على", "رمز التحقق", "معرّف الشهادة",
        "تُمنح لإتمام الدورة «{0}» (عدد ساعات الدراسة: {1}).",
        "أتمّ الدروس المطلوبة ونجح في الاختبارات المطلوبة للدورة «{0}».");
}
