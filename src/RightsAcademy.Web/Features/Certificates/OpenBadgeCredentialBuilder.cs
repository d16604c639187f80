using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// The certificate as an Open Badges 3.0 <c>OpenBadgeCredential</c> (a W3C Verifiable Credential, data model 2.0),
/// which learners can keep in a wallet or backpack and anyone can verify against the issuer's published keys.
/// </summary>
public sealed class OpenBadgeCredentialBuilder(IOptions<CertificateOptions> options)
{
    public const string CredentialsContext = "https://www.w3.org/ns/credentials/v2";
    public const string OpenBadgesContext = "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json";

    /// <summary>
    /// Not a standard status method (such as 1EdTech's revocation list): it names the human verification page, so
    /// a verifier that does not know it reports the status as unchecked instead of misreading the page.
    /// </summary>
    public const string StatusType = "RightsAcademyVerificationPage";

    /// <param name="achievementId">The course's stable address (the same for every learner), e.g. its catalogue page.</param>
    /// <param name="issuedAt">When the credential is issued: its <c>validFrom</c>.</param>
    public JsonObject Build(CertificateContent content, CertificateLabels labels, Uri achievementId, DateTimeOffset issuedAt)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(labels);
        var issuer = new Uri(options.Value.IssuerUrl ?? throw new InvalidOperationException("Setting Certificates:IssuerUrl is not set.")).AbsoluteUri;
        var title = TextShaper.Clean(content.CourseTitle);
        return new JsonObject
        {
            ["@context"] = new JsonArray(CredentialsContext, OpenBadgesContext),
            ["id"] = $"urn:uuid:{content.CertificateId:D}",
            ["type"] = new JsonArray("VerifiableCredential", "OpenBadgeCredential"),
            ["issuer"] = new JsonObject
            {
                ["id"] = issuer,
                ["type"] = new JsonArray("Profile"),
                ["name"] = options.Value.IssuerName,
                ["url"] = issuer,
            },
            ["validFrom"] = issuedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["name"] = $"{labels.Heading}: {title}",
            ["credentialSubject"] = new JsonObject
            {
                ["type"] = new JsonArray("AchievementSubject"),
                // The learner has no DID or e-mail to publish; Open Badges names a recipient with an identity object.
                ["identifier"] = new JsonArray(new JsonObject
                {
                    ["type"] = "IdentityObject",
                    ["identityHash"] = TextShaper.Clean(content.LearnerName),
                    ["identityType"] = "name",
                    ["hashed"] = false,
                }),
                ["achievement"] = new JsonObject
                {
                    ["id"] = achievementId.AbsoluteUri,
                    ["type"] = new JsonArray("Achievement"),
                    ["achievementType"] = "Course",
                    ["name"] = title,
                    ["description"] = labels.FormatBadgeDescription(title, content.Hours),
                    ["criteria"] = new JsonObject { ["narrative"] = labels.FormatBadgeCriteria(title) },
                    ["inLanguage"] = content.CourseLanguage,
                },
            },
            ["credentialStatus"] = new JsonObject
            {
                ["id"] = content.VerificationUrl.AbsoluteUri,
                ["type"] = StatusType,
            },
        };
    }
}
