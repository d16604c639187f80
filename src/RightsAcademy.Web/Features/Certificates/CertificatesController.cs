using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Infrastructure.Data;
using RightsAcademy.Web.Infrastructure.Security;

namespace RightsAcademy.Web.Features.Certificates;

public sealed record MyCertificatesPage(IReadOnlyList<CertificateRow> Certificates);

public sealed record AdminCertificatesPage(IReadOnlyList<CertificateRow> Certificates, string? Code, Guid? Revoked);

/// <summary>A learner's certificates and their files; only the owner can fetch them (others get 404, as for a missing one).</summary>
[Authorize(Policy = Policies.SignedIn)]
public sealed class CertificatesController : Controller
{
    public const string CredentialMediaType = "application/vc+jwt";

    [HttpGet("certificates")]
    public async Task<IActionResult> Mine([FromServices] ListCertificates.Handler handler, CancellationToken cancellationToken) =>
        View("Mine", new MyCertificatesPage(await handler.MineAsync(User.UserId()!.Value, cancellationToken)));

    [HttpGet("certificates/{id:guid}/pdf")]
    public async Task<IActionResult> Pdf(Guid id, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var file = await db.Certificates.AsNoTracking().Where(c => c.Id == id && c.UserId == userId)
            .Select(c => new { c.Code, c.Pdf }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? NotFound() : File(file.Pdf, "application/pdf", $"certificate-{file.Code}.pdf");
    }

    [HttpGet("certificates/{id:guid}/credential")]
    public async Task<IActionResult> Credential(Guid id, [FromServices] AppDbContext db, CancellationToken cancellationToken)
    {
        var userId = User.UserId();
        var file = await db.Certificates.AsNoTracking().Where(c => c.Id == id && c.UserId == userId)
            .Select(c => new { c.Code, c.Credential }).SingleOrDefaultAsync(cancellationToken);
        return file is null ? NotFound() : File(Encoding.ASCII.GetBytes(file.Credential), CredentialMediaType, $"certificate-{file.Code}.jwt");
    }

    [Authorize(Policy = Policies.Admin)]
    [HttpGet("admin/certificates")]
    public async Task<IActionResult> Admin(string? code, Guid? revoked, [FromServices] ListCertificates.Handler handler, CancellationToken cancellationToken) =>
        View("Admin", new AdminCertificatesPage(await handler.AllAsync(code, cancellationToken), code, revoked));

    [Authorize(Policy = Policies.Admin)]
    [HttpPost("admin/certificates/{id:guid}/revoke")]
    public async Task<IActionResult> Revoke(Guid id, RevokeForm form, [FromServices] RevokeCertificate.Handler handler,
        [FromServices] ListCertificates.Handler list, CancellationToken cancellationToken)
    {
        if (!ModelState.IsValid)
        {
            return View("Admin", new AdminCertificatesPage(await list.AllAsync(null, cancellationToken), null, null));
        }

        return await handler.HandleAsync(new RevokeCertificate.Command(id, form.Reason), cancellationToken) switch
        {
            RevokeCertificate.Outcome.NotFound => NotFound(),
            _ => Redirect($"/admin/certificates?revoked={id}"),
        };
    }
}

/// <summary>
/// The public side: anyone can check a certificate by code or by its Open Badges credential, and fetch the issuer
/// profile and keys that credentials are checked against. Verification is rate-limited per client address, so
/// codes cannot be guessed in bulk (they have 130 random bits anyway).
/// </summary>
[AllowAnonymous]
public sealed class VerifyController : Controller
{
    /// <summary>A JWT for one certificate is a few kilobytes; more is not a credential of ours.</summary>
    public const int MaxCredentialBytes = 64 * 1024;

    [EnableRateLimiting(CertificatesServiceCollectionExtensions.VerifyRateLimit)]
    [HttpGet("verify")]
    public async Task<IActionResult> Form(string? code, [FromServices] VerifyCertificate.Handler handler, CancellationToken cancellationToken)
    {
        if (code is null)
        {
            return Page(VerificationPage.Empty);
        }

        return VerificationCode.TryParse(code, out var canonical)
            ? Redirect($"/verify/{canonical}")
            : Page(await handler.ByCodeAsync(code, cancellationToken));
    }

    [EnableRateLimiting(CertificatesServiceCollectionExtensions.VerifyRateLimit)]
    [HttpGet("verify/{code}")]
    public async Task<IActionResult> Code(string code, [FromServices] VerifyCertificate.Handler handler, CancellationToken cancellationToken) =>
        Page(await handler.ByCodeAsync(code, cancellationToken));

    [EnableRateLimiting(CertificatesServiceCollectionExtensions.VerifyRateLimit)]
    [HttpPost("verify/credential")]
    [RequestSizeLimit(2 * MaxCredentialBytes)]
    public async Task<IActionResult> Credential(IFormFile? file, string? jwt, [FromServices] VerifyCertificate.Handler handler, CancellationToken cancellationToken)
    {
        var text = jwt;
        if (file is { Length: > 0 and <= MaxCredentialBytes })
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8);
            text = await reader.ReadToEndAsync(cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(text) || text.Length > MaxCredentialBytes)
        {
            return Page(new VerificationPage(VerificationStatus.BadCredential, null));
        }

        return Page(await handler.ByCredentialAsync(text, cancellationToken));
    }

    /// <summary>The issuer's Open Badges profile; credentials name its id (the site's address).</summary>
    [HttpGet("issuer")]
    public IActionResult Issuer([FromServices] IOptions<CertificateOptions> options)
    {
        var issuer = new Uri(options.Value.IssuerUrl!);
        var profile = new JsonObject
        {
            ["@context"] = new JsonArray(OpenBadgeCredentialBuilder.CredentialsContext, OpenBadgeCredentialBuilder.OpenBadgesContext),
            ["id"] = issuer.AbsoluteUri,
            ["type"] = new JsonArray("Profile"),
            ["name"] = options.Value.IssuerName,
            ["url"] = issuer.AbsoluteUri,
            // Where verifiers find the public keys of the VC-JWT signatures.
            ["jwks_uri"] = new Uri(issuer, ".well-known/jwks.json").AbsoluteUri,
        };
        return Content(profile.ToJsonString(), "application/json");
    }

    [HttpGet(".well-known/jwks.json")]
    public async Task<IActionResult> Jwks([FromServices] IssuerKeys keys, CancellationToken cancellationToken)
    {
        Response.Headers.CacheControl = "public, max-age=3600";
        return Content(await keys.GetJwkSetJsonAsync(cancellationToken), "application/jwk-set+json");
    }

    private ViewResult Page(VerificationPage page)
    {
        // Verification answers change (revocation) and name a person: no shared caches.
        Response.Headers.CacheControl = "no-store";
        return View("Verify", page);
    }
}
