using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>
/// Open Badges 3.0 credentials signed as VC-JWTs: checked with Microsoft.IdentityModel configured from the
/// published key set alone (not through <see cref="CredentialVerifier"/>) and with bare ECDsa.
/// </summary>
public sealed class CredentialTests
{
    private static readonly DateTimeOffset IssuedAt = new(2026, 11, 28, 9, 30, 0, TimeSpan.Zero);

    private readonly IssuerKey _key = IssuerKey.Generate();
    private readonly CertificateContent _content = Samples.Content("نور الهدى عبد الله", "حقوق الإنسان في الخدمات العامة المحلية", "ar");

    private static OpenBadgeCredentialBuilder Builder =>
        new(Options.Create(new CertificateOptions { IssuerUrl = "https://academy.example.org/", IssuerName = "RightsAcademy" }));

    private JsonObject Credential() =>
        Builder.Build(_content, Samples.Arabic, new Uri("https://academy.example.org/courses/human-rights-local"), IssuedAt);

    [Fact]
    public void The_credential_is_an_open_badge_3_0_credential()
    {
        var credential = Credential();

        Assert.Equal(["https://www.w3.org/ns/credentials/v2", "https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json"],
            credential["@context"]!.AsArray().Select(c => (string)c!));
        Assert.Equal(["VerifiableCredential", "OpenBadgeCredential"], credential["type"]!.AsArray().Select(c => (string)c!));
        Assert.Equal($"urn:uuid:{Samples.Id}", (string?)credential["id"]);
        Assert.Equal("https://academy.example.org/", (string?)credential["issuer"]!["id"]);
        Assert.Equal("RightsAcademy", (string?)credential["issuer"]!["name"]);
        Assert.Equal("2026-11-28T09:30:00Z", (string?)credential["validFrom"]);
        var subject = credential["credentialSubject"]!;
        Assert.Equal("AchievementSubject", (string?)subject["type"]![0]);
        Assert.Equal("نور الهدى عبد الله", (string?)subject["identifier"]![0]!["identityHash"]);
        var achievement = subject["achievement"]!;
        Assert.Equal("حقوق الإنسان في الخدمات العامة المحلية", (string?)achievement["name"]);
        Assert.Equal("ar", (string?)achievement["inLanguage"]);
        Assert.Contains("حقوق الإنسان", (string?)achievement["description"], StringComparison.Ordinal);
        Assert.Contains("6٫5", (string?)achievement["description"], StringComparison.Ordinal);
        Assert.False(string.IsNullOrWhiteSpace((string?)achievement["criteria"]!["narrative"]));
        Assert.Equal(_content.VerificationUrl.AbsoluteUri, (string?)credential["credentialStatus"]!["id"]);
    }

    [Fact]
    public async Task The_signed_credential_verifies_with_an_independent_jwt_library_and_the_published_keys()
    {
        var jwt = CredentialSigner.Sign(Credential(), _key);
        var jwks = IssuerKeys.JwkSet([_key]);

        var result = await new JsonWebTokenHandler().ValidateTokenAsync(jwt, Independent(jwks));

        Assert.True(result.IsValid, result.Exception?.ToString());
        var token = (JsonWebToken)result.SecurityToken;
        Assert.Equal("ES256", token.Alg);
        Assert.Equal("vc+jwt", token.Typ);
        Assert.Equal(_key.KeyId, token.Kid);
        Assert.Equal($"urn:uuid:{Samples.Id}", token.Id);
        Assert.Equal(IssuedAt, new DateTimeOffset(token.ValidFrom, TimeSpan.Zero));
    }

    [Fact]
    public void The_signature_checks_with_bare_ecdsa_from_the_published_jwk()
    {
        var jwt = CredentialSigner.Sign(Credential(), _key);
        var jwk = JsonNode.Parse(IssuerKeys.JwkSet([_key]))!["keys"]![0]!;
        using var ecdsa = ECDsa.Create(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Base64Url.DecodeFromChars((string)jwk["x"]!), Y = Base64Url.DecodeFromChars((string)jwk["y"]!) },
        });
        var parts = jwt.Split('.');

        var valid = ecdsa.VerifyData(Encoding.ASCII.GetBytes($"{parts[0]}.{parts[1]}"), Base64Url.DecodeFromChars(parts[2]),
            HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);

        Assert.True(valid);
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!;
        Assert.Equal("https://academy.example.org/", (string?)payload["iss"]);
        Assert.Null(payload["vc"]); // VC-JOSE-COSE: the payload is the credential, not wrapped
    }

    [Fact]
    public async Task A_tampered_payload_fails()
    {
        var parts = CredentialSigner.Sign(Credential(), _key).Split('.');
        var payload = JsonNode.Parse(Base64Url.DecodeFromChars(parts[1]))!.AsObject();
        payload["credentialSubject"]!["identifier"]![0]!["identityHash"] = "Someone Else";
        var forged = $"{parts[0]}.{Base64Url.EncodeToString(Encoding.UTF8.GetBytes(payload.ToJsonString()))}.{parts[2]}";
        var jwks = IssuerKeys.JwkSet([_key]);

        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(forged, Independent(jwks))).IsValid);
        var ours = await new CredentialVerifier().VerifyAsync(forged, jwks);
        Assert.False(ours.IsValid);
        Assert.Contains("signature", ours.Reason, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_tampered_signature_fails()
    {
        var jwt = CredentialSigner.Sign(Credential(), _key);
        var signature = Base64Url.DecodeFromChars(jwt.Split('.')[2]);
        signature[10] ^= 0x01;
        var forged = string.Join('.', jwt.Split('.')[..2]) + "." + Base64Url.EncodeToString(signature);
        var jwks = IssuerKeys.JwkSet([_key]);

        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(forged, Independent(jwks))).IsValid);
        Assert.False((await new CredentialVerifier().VerifyAsync(forged, jwks)).IsValid);
    }

    [Fact]
    public async Task Another_key_fails()
    {
        var jwt = CredentialSigner.Sign(Credential(), IssuerKey.Generate());
        var jwks = IssuerKeys.JwkSet([_key]);

        Assert.False((await new JsonWebTokenHandler().ValidateTokenAsync(jwt, Independent(jwks))).IsValid);
        var ours = await new CredentialVerifier().VerifyAsync(jwt, jwks);
        Assert.False(ours.IsValid);
        Assert.True(ours.Reason!.Contains("key", StringComparison.OrdinalIgnoreCase), ours.Reason);
        Assert.DoesNotContain("could not be verified", ours.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Our_verifier_returns_the_credential_and_accepts_a_token_another_library_signed()
    {
        var jwks = IssuerKeys.JwkSet([_key]);

        var ours = await new CredentialVerifier().VerifyAsync(CredentialSigner.Sign(Credential(), _key), jwks);
        Assert.True(ours.IsValid, ours.Reason);
        Assert.Equal($"urn:uuid:{Samples.Id}", (string?)ours.Credential!["id"]);

        using var ecdsa = _key.CreateSigner();
        var foreign = new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(
            Credential().ToJsonString(),
            new SigningCredentials(new ECDsaSecurityKey(ecdsa) { KeyId = _key.KeyId }, SecurityAlgorithms.EcdsaSha256),
            new Dictionary<string, object> { ["typ"] = "vc+jwt" });
        var theirs = await new CredentialVerifier().VerifyAsync(foreign, jwks);
        Assert.True(theirs.IsValid, theirs.Reason);
    }

    [Fact]
    public async Task An_unsigned_or_symmetric_token_is_refused()
    {
        var jwks = IssuerKeys.JwkSet([_key]);
        var header = Base64Url.EncodeToString("""{"alg":"none","typ":"vc+jwt"}"""u8);
        var payload = Base64Url.EncodeToString(Encoding.UTF8.GetBytes(Credential().ToJsonString()));

        Assert.False((await new CredentialVerifier().VerifyAsync($"{header}.{payload}.", jwks)).IsValid);
        Assert.False((await new CredentialVerifier().VerifyAsync("not a jwt", jwks)).IsValid);
        using var hmac = new HMACSHA256(Encoding.UTF8.GetBytes(jwks));
        var hsHeader = Base64Url.EncodeToString("""{"alg":"HS256","typ":"vc+jwt"}"""u8);
        var hs = $"{hsHeader}.{payload}.{Base64Url.EncodeToString(hmac.ComputeHash(Encoding.ASCII.GetBytes($"{hsHeader}.{payload}")))}";
        Assert.False((await new CredentialVerifier().VerifyAsync(hs, jwks)).IsValid);
    }

    [Fact]
    public void The_published_key_set_has_no_private_parameters()
    {
        var jwks = JsonNode.Parse(IssuerKeys.JwkSet([_key, IssuerKey.Generate()]))!;

        var keys = jwks["keys"]!.AsArray();
        Assert.Equal(2, keys.Count);
        foreach (var jwk in keys.Select(k => k!.AsObject()))
        {
            Assert.Equal(["kty", "crv", "x", "y", "kid", "use", "alg"], jwk.Select(p => p.Key));
            Assert.DoesNotContain("d", jwk.Select(p => p.Key));
        }
    }

    [Fact]
    public void The_key_id_is_the_rfc_7638_thumbprint()
    {
        var jwk = new JsonWebKey(IssuerKeys.JwkSet([_key]).Replace("{\"keys\":[", "", StringComparison.Ordinal).TrimEnd(']', '}') + "}");

        Assert.Equal(_key.KeyId, Base64UrlEncoder.Encode(jwk.ComputeJwkThumbprint()));
        Assert.Equal(_key.KeyId, IssuerKey.FromPem(_key.ExportPem()).KeyId);
    }

    private static TokenValidationParameters Independent(string jwks) => new()
    {
        IssuerSigningKeys = new JsonWebKeySet(jwks).GetSigningKeys(),
        ValidIssuer = "https://academy.example.org/",
        ValidateAudience = false,
        RequireExpirationTime = false,
        ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
        ValidTypes = ["vc+jwt"],
    };
}
