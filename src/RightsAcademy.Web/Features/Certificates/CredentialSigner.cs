using System.Buffers.Text;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Secures a credential as a VC-JWT (W3C VC-JOSE-COSE): a compact JWS whose payload is the credential itself,
/// signed ES256 with the issuer's newest key. Built by hand on <see cref="ECDsa"/>, so the header holds exactly
/// <c>alg</c>, <c>typ</c> and <c>kid</c>, and so tests can check it with an independent JWT library.
/// </summary>
public sealed class CredentialSigner(IssuerKeys keys)
{
    public const string Algorithm = "ES256";
    public const string MediaType = "vc+jwt";

    // Names stay readable in the payload; it is base64url-encoded, never placed raw in HTML.
    private static readonly JsonSerializerOptions PayloadJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public async Task<string> SignAsync(JsonObject credential, CancellationToken cancellationToken = default) =>
        Sign(credential, await keys.GetSigningKeyAsync(cancellationToken));

    public static string Sign(JsonObject credential, IssuerKey key)
    {
        ArgumentNullException.ThrowIfNull(credential);
        ArgumentNullException.ThrowIfNull(key);
        var header = new JsonObject { ["alg"] = Algorithm, ["typ"] = MediaType, ["kid"] = key.KeyId };
        var payload = credential.DeepClone().AsObject();
        // Registered claims for generic JWT tooling, with the values the credential already states (the spec
        // asks that they never disagree): iss = issuer, jti = id, nbf/iat = validFrom.
        payload["iss"] = IssuerId(credential);
        payload["jti"] = (string?)credential["id"];
        if (credential["validFrom"] is JsonValue validFrom
            && DateTimeOffset.TryParse((string?)validFrom, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var from))
        {
            payload["nbf"] = from.ToUnixTimeSeconds();
            payload["iat"] = from.ToUnixTimeSeconds();
        }

        var signingInput = $"{Encode(header)}.{Encode(payload)}";
        using var ecdsa = key.CreateSigner();
        var signature = ecdsa.SignData(Encoding.ASCII.GetBytes(signingInput), HashAlgorithmName.SHA256, DSASignatureFormat.IeeeP1363FixedFieldConcatenation);
        return $"{signingInput}.{Base64Url.EncodeToString(signature)}";
    }

    private static string? IssuerId(JsonObject credential) => credential["issuer"] switch
    {
        JsonObject profile => (string?)profile["id"],
        JsonValue value => (string?)value,
        _ => null,
    };

    private static string Encode(JsonObject json) => Base64Url.EncodeToString(Encoding.UTF8.GetBytes(json.ToJsonString(PayloadJson)));
}
