namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// An issued completion certificate: a snapshot of what it certified (names, title, date, hours, issuer as printed),
/// the rendered PDF and the signed credential, so later edits of the course or the profile never change it.
/// It outlives the course (archived) and the learner's account (<see cref="UserId"/> becomes null).
/// </summary>
public sealed class Certificate
{
    /// <summary>The key run for a self-paced enrolment; a cohort run uses <c>cohort:{id}</c> (see CourseRuns).</summary>
    public const string SelfPacedRun = "self-paced";

    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>Canonical <see cref="VerificationCode"/> form; unique.</summary>
    public required string Code { get; set; }

    /// <summary>Null once the learner's account is deleted: the certificate and its verification stay.</summary>
    public Guid? UserId { get; set; }

    /// <summary>Not a foreign key: the certificate must not depend on the course row surviving.</summary>
    public Guid CourseId { get; set; }

    public required string CourseSlug { get; set; }

    /// <summary>The course run the certificate is for: one original certificate per learner, course and run.</summary>
    public required string RunKey { get; set; }

    public required string LearnerName { get; set; }

    public required string CourseTitle { get; set; }

    public required string CourseLanguage { get; set; }

    /// <summary>The language of the certificate's fixed texts (the learner's interface language at issue).</summary>
    public required string LabelsLanguage { get; set; }

    public required string MunicipalityName { get; set; }

    public DateOnly CompletionDate { get; set; }

    public decimal Hours { get; set; }

    public required string IssuingOrganisation { get; set; }

    public required string VerificationUrl { get; set; }

    public DateTimeOffset IssuedUtc { get; set; }

    public required byte[] Pdf { get; set; }

    /// <summary>The Open Badges 3.0 credential as a VC-JWT, signed once at issue.</summary>
    public required string Credential { get; set; }

    /// <summary>The certificate this one replaces (after a name correction); that one is revoked.</summary>
    public Guid? ReplacesId { get; set; }

    public DateTimeOffset? RevokedUtc { get; set; }

    public string? RevocationReason { get; set; }
}
