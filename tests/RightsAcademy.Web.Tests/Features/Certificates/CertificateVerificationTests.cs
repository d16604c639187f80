using System.Net;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RightsAcademy.Web.Features.Accounts;
using RightsAcademy.Web.Features.Certificates;
using RightsAcademy.Web.Testing;
using RightsAcademy.Web.Tests.Features.Admin;

namespace RightsAcademy.Web.Tests.Features.Certificates;

public sealed class CertificateVerificationTests(CertificateFixture app) : IClassFixture<CertificateFixture>
{
    [Fact]
    public async Task A_valid_code_shows_only_what_the_certificate_states()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("valid@example.org", displayName: "Nour Valid");
        using var _ = client;
        await app.IssueAsync(user.Id);
        var certificate = Assert.Single(await app.CertificatesOfAsync(user.Id));

        using var anonymous = app.Factory.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/verify/{certificate.Code}");
        Assert.Contains("This certificate is valid.", page, StringComparison.Ordinal);
        Assert.Contains("Nour Valid", page, StringComparison.Ordinal);
        Assert.Contains(SampleCourse.Title, page, StringComparison.Ordinal);
        Assert.Contains(certificate.IssuingOrganisation, page, StringComparison.Ordinal);
        Assert.DoesNotContain("valid@example.org", page, StringComparison.Ordinal);
        Assert.DoesNotContain(app.Municipality.Name, page, StringComparison.Ordinal);

        // As a person types it: lower case, spaces instead of hyphens.
        var typed = await anonymous.GetAsync($"/verify?code={Uri.EscapeDataString(certificate.Code.ToLowerInvariant().Replace('-', ' '))}");
        Assert.Equal($"/verify/{certificate.Code}", typed.Headers.Location?.OriginalString);
    }

    [Fact]
    public async Task A_revoked_code_says_so_with_the_date_after_an_admin_revokes_it()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("revoked@example.org");
        using var _ = client;
        await app.IssueAsync(user.Id);
        var certificate = Assert.Single(await app.CertificatesOfAsync(user.Id));

        // A learner may not revoke.
        var refused = await client.PostFormAsync("/certificates", $"/admin/certificates/{certificate.Id}/revoke", ("Reason", "mine"));
        Assert.StartsWith("/account/access-denied", refused.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);

        await app.Factory.CreateUserAsync("cert-admin@example.org", Roles.Admin, app.Municipality.Id);
        using var admin = app.Factory.CreateFormClient();
        await admin.SignInAsync("cert-admin@example.org");
        var revoked = await admin.PostFormAsync("/admin/certificates", $"/admin/certificates/{certificate.Id}/revoke", ("Reason", "Issued in error"));
        Assert.Equal(HttpStatusCode.Redirect, revoked.StatusCode);
        Assert.Contains("Issued in error", await admin.GetPageAsync($"/admin/certificates?code={certificate.Code}"), StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateFormClient();
        var page = await anonymous.GetPageAsync($"/verify/{certificate.Code}");
        Assert.Contains("This certificate has been revoked.", page, StringComparison.Ordinal);
        Assert.Contains("Revoked on", page, StringComparison.Ordinal);
        Assert.DoesNotContain("Issued in error", page, StringComparison.Ordinal);

        // Its credential still has a good signature, but the status check says revoked.
        var credential = await anonymous.PostFormAsync("/verify", "/verify/credential", ("jwt", certificate.Credential));
        Assert.Contains("This certificate has been revoked.", await credential.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_code_reveals_nothing_and_a_mistyped_one_says_so()
    {
        using var anonymous = app.Factory.CreateFormClient();
        var unknown = await anonymous.GetAsync($"/verify/{VerificationCode.New()}");
        Assert.Equal(HttpStatusCode.OK, unknown.StatusCode);
        var unknownPage = await unknown.Content.ReadAsStringAsync();
        Assert.Contains("No certificate has this code.", unknownPage, StringComparison.Ordinal);

        var code = VerificationCode.New();
        var typo = code[..^1] + (code[^1] == '0' ? '1' : '0');
        var mistyped = await anonymous.GetPageAsync($"/verify?code={typo}");
        Assert.Contains("This code looks mistyped.", mistyped, StringComparison.Ordinal);
        Assert.DoesNotContain("No certificate has this code.", mistyped, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Another_learner_cannot_fetch_the_pdf_or_credential_and_a_visitor_is_sent_to_sign_in()
    {
        var (owner, ownerClient) = await app.LearnerWhoCompletedAsync("owner@example.org");
        using var _ = ownerClient;
        await app.IssueAsync(owner.Id);
        var certificate = Assert.Single(await app.CertificatesOfAsync(owner.Id));

        var pdf = await ownerClient.GetAsync($"/certificates/{certificate.Id}/pdf");
        Assert.Equal(HttpStatusCode.OK, pdf.StatusCode);
        Assert.Equal("application/pdf", pdf.Content.Headers.ContentType?.MediaType);
        Assert.Equal(certificate.Pdf, await pdf.Content.ReadAsByteArrayAsync());

        await app.Factory.CreateUserAsync("other@example.org", Roles.Learner, app.Municipality.Id);
        using var other = app.Factory.CreateFormClient();
        await other.SignInAsync("other@example.org");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{certificate.Id}/pdf")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/certificates/{certificate.Id}/credential")).StatusCode);
        Assert.DoesNotContain(certificate.Code, await other.GetPageAsync("/certificates"), StringComparison.Ordinal);

        using var anonymous = app.Factory.CreateFormClient();
        var visitor = await anonymous.GetAsync($"/certificates/{certificate.Id}/pdf");
        Assert.StartsWith("/account/sign-in", visitor.Headers.Location!.PathAndQuery(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_downloaded_credential_verifies_with_the_published_key_set_and_on_the_verify_page()
    {
        var (user, client) = await app.LearnerWhoCompletedAsync("badge@example.org", displayName: "Badge Holder");
        using var _ = client;
        await app.IssueAsync(user.Id);
        var certificate = Assert.Single(await app.CertificatesOfAsync(user.Id));

        var download = await client.GetAsync($"/certificates/{certificate.Id}/credential");
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        var jwt = await download.Content.ReadAsStringAsync();

        using var anonymous = app.Factory.CreateFormClient();
        var jwks = await anonymous.GetPageAsync("/.well-known/jwks.json");
        Assert.DoesNotContain("\"d\"", jwks, StringComparison.Ordinal); // public halves only
        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidIssuer = "http://127.0.0.1:5000/",
            ValidateAudience = false,
            RequireExpirationTime = false,
        };
        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, parameters);
        Assert.True(result.IsValid, result.Exception?.ToString());
        Assert.Equal($"urn:uuid:{certificate.Id:D}", ((JsonWebToken)result.SecurityToken).Id);

        var issuer = await anonymous.GetPageAsync("/issuer");
        Assert.Contains("\"Profile\"", issuer, StringComparison.Ordinal);
        Assert.Contains("/.well-known/jwks.json", issuer, StringComparison.Ordinal);

        var verified = await anonymous.PostFormAsync("/verify", "/verify/credential", ("jwt", jwt));
        var verifiedPage = await verified.Content.ReadAsStringAsync();
        Assert.Contains("This certificate is valid.", verifiedPage, StringComparison.Ordinal);
        Assert.Contains("Badge Holder", verifiedPage, StringComparison.Ordinal);

        // The same credential as an uploaded file, as a wallet exports it.
        var form = await anonymous.GetPageAsync("/verify");
        using var upload = new MultipartFormDataContent
        {
            { new StringContent(FormClient.AntiforgeryToken(form)!), "__xsrf" },
            { new ByteArrayContent(System.Text.Encoding.ASCII.GetBytes(jwt)), "file", "certificate.jwt" },
        };
        var uploaded = await anonymous.Http.PostAsync(new Uri("/verify/credential", UriKind.Relative), upload);
        Assert.True(uploaded.IsSuccessStatusCode, $"{uploaded.StatusCode} {uploaded.Headers.Location}");
        Assert.Contains("This certificate is valid.", await uploaded.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        var parts = jwt.Split('.');
        var tampered = $"{parts[0]}.{parts[1]}.{(parts[2][0] == 'A' ? 'B' : 'A')}{parts[2][1..]}";
        var rejected = await anonymous.PostFormAsync("/verify", "/verify/credential", ("jwt", tampered));
        Assert.Contains("This credential could not be verified.", await rejected.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }
}

public sealed class RateLimitedCertificateFixture : CertificateFixture
{
    protected override int VerificationsPerMinute => 3;
}

public sealed class CertificateVerificationRateLimitTests(RateLimitedCertificateFixture app) : IClassFixture<RateLimitedCertificateFixture>
{
    [Fact]
    public async Task Verification_is_rate_limited_per_client()
    {
        using var anonymous = app.Factory.CreateFormClient();
        for (var i = 0; i < 3; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync($"/verify/{VerificationCode.New()}")).StatusCode);
        }

        Assert.Equal(HttpStatusCode.TooManyRequests, (await anonymous.GetAsync($"/verify/{VerificationCode.New()}")).StatusCode);
        // The key set and issuer profile are not verification attempts.
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/.well-known/jwks.json")).StatusCode);
    }
}
