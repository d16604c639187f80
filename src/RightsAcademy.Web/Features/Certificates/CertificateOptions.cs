using System.ComponentModel.DataAnnotations;
using Microsoft.Extensions.Options;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>Section <c>Certificates</c>.</summary>
public sealed class CertificateOptions
{
    public const string Section = "Certificates";

    /// <summary>
    /// Where the file key store keeps the issuer's signing keys (PEM, readable by the site's user only); relative
    /// paths are under the content root. Back it up: a lost key cannot re-sign, only issue new credentials.
    /// </summary>
    [Required(ErrorMessage = "Setting Certificates:KeyFolder is required.")]
    public string KeyFolder { get; set; } = ".data/keys";

    /// <summary>The issuer's name in Open Badges credentials.</summary>
    [Required(ErrorMessage = "Setting Certificates:IssuerName is required.")]
    public string IssuerName { get; set; } = "RightsAcademy";

    /// <summary>
    /// The site's public address (e.g. https://academy.example.org/): the issuer's id in credentials, the base of
    /// verification links. Required in Production; elsewhere it defaults to the address infra/run serves.
    /// </summary>
    public string? IssuerUrl { get; set; }

    /// <summary>Where the Noto fonts are installed (Debian's fonts-noto-core and fonts-noto-cjk).</summary>
    [Required(ErrorMessage = "Setting Certificates:FontFolder is required.")]
    public string FontFolder { get; set; } = FontCatalogue.DefaultFolder;

    /// <summary>Verification requests (by code or credential) one client address may make per minute.</summary>
    [Range(1, 10_000, ErrorMessage = "Setting Certificates:VerificationsPerMinute must be between 1 and 10000.")]
    public int VerificationsPerMinute { get; set; } = 30;

    internal const string DevelopmentIssuerUrl = "http://127.0.0.1:5000/";
}

/// <summary>What data annotations cannot check: an absolute web address, fonts that are really installed.</summary>
internal sealed class CertificateOptionsValidator : IValidateOptions<CertificateOptions>
{
    public ValidateOptionsResult Validate(string? name, CertificateOptions options)
    {
        var failures = new List<string>();
        if (string.IsNullOrWhiteSpace(options.IssuerUrl))
        {
            failures.Add("Setting Certificates:IssuerUrl is required: the site's public address, e.g. https://academy.example.org/.");
        }
        else if (!Uri.TryCreate(options.IssuerUrl, UriKind.Absolute, out var uri) || uri.Scheme is not ("https" or "http")
                 || !string.IsNullOrEmpty(uri.Query) || !string.IsNullOrEmpty(uri.Fragment))
        {
            failures.Add($"Setting Certificates:IssuerUrl must be an absolute http(s) address without query or fragment, e.g. https://academy.example.org/ (it is \"{options.IssuerUrl}\").");
        }

        if (!string.IsNullOrWhiteSpace(options.FontFolder))
        {
            var missing = FontCatalogue.FindMissing(options.FontFolder);
            if (missing.Count > 0)
            {
                failures.Add(FontCatalogue.MissingMessage(options.FontFolder, missing));
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
