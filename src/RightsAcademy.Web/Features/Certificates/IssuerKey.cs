using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// An ECDSA P-256 key that signs credentials (ES256). Its id is its RFC 7638 JWK thumbprint, so the same key
/// has the same id wherever it is stored. A class, not a record: it holds a private key and must not print it.
/// </summary>
public sealed class IssuerKey
{
    private const string P256Oid = "1.2.840.10045.3.1.7";

    private readonly ECParameters _parameters;

    private IssuerKey(ECParameters parameters)
    {
        parameters.Validate();
        if (parameters.D is null || !IsP256(parameters.Curve))
        {
            throw new CryptographicException("An issuer key must be an ECDSA P-256 private key.");
        }

        _parameters = parameters;
        KeyId = Thumbprint(parameters.Q);
    }

    public string KeyId { get; }

    public static IssuerKey Generate()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return new IssuerKey(ecdsa.ExportParameters(includePrivateParameters: true));
    }

    /// <summary>From a PEM "PRIVATE KEY" (PKCS #8) or "EC PRIVATE KEY" (SEC 1).</summary>
    public static IssuerKey FromPem(string pem)
    {
        using var ecdsa = ECDsa.Create();
        ecdsa.ImportFromPem(pem);
        return new IssuerKey(ecdsa.ExportParameters(includePrivateParameters: true));
    }

    /// <summary>From a private JWK (<c>kty</c> EC, <c>crv</c> P-256, <c>x</c>, <c>y</c>, <c>d</c>).</summary>
    public static IssuerKey FromJwk(string json)
    {
        var jwk = JsonNode.Parse(json)?.AsObject() ?? throw new CryptographicException("The JWK is not a JSON object.");
        if ((string?)jwk["kty"] != "EC" || (string?)jwk["crv"] != "P-256")
        {
            throw new CryptographicException("An issuer JWK must have kty EC and crv P-256.");
        }

        return new IssuerKey(new ECParameters
        {
            Curve = ECCurve.NamedCurves.nistP256,
            Q = new ECPoint { X = Decode(jwk, "x"), Y = Decode(jwk, "y") },
            D = Decode(jwk, "d"),
        });
    }

    /// <summary>A new ECDsa for each use: the type does not promise that concurrent signing on one instance is safe.</summary>
    public ECDsa CreateSigner()
    {
        var ecdsa = ECDsa.Create();
        ecdsa.ImportParameters(_parameters);
        return ecdsa;
    }

    public string ExportPem()
    {
        using var ecdsa = CreateSigner();
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>The public half as a JWK, for a JWK set: never <c>d</c>.</summary>
    public JsonObject PublicJwk() => new()
    {
        ["kty"] = "EC",
        ["crv"] = "P-256",
        ["x"] = Base64Url.EncodeToString(_parameters.Q.X),
        ["y"] = Base64Url.EncodeToString(_parameters.Q.Y),
        ["kid"] = KeyId,
        ["use"] = "sig",
        ["alg"] = "ES256",
    };

    public override string ToString() => $"ES256 key {KeyId}";

    // RFC 7638: SHA-256 of the required members in lexicographic order, without whitespace.
    private static string Thumbprint(ECPoint q)
    {
        var canonical = $"{{\"crv\":\"P-256\",\"kty\":\"EC\",\"x\":\"{Base64Url.EncodeToString(q.X)}\",\"y\":\"{Base64Url.EncodeToString(q.Y)}\"}}";
        return Base64Url.EncodeToString(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static bool IsP256(ECCurve curve) =>
        curve.IsNamed && (curve.Oid.Value == P256Oid || curve.Oid.FriendlyName is "nistP256" or "ECDSA_P256" or "secp256r1" or "prime256v1");

    private static byte[] Decode(JsonObject jwk, string member)
    {
        try
        {
            return Base64Url.DecodeFromChars((jwk[member]?.GetValue<string>() ?? throw new CryptographicException($"The JWK has no {member}.")).AsSpan());
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or JsonException)
        {
            throw new CryptographicException($"The JWK member {member} is not base64url.", ex);
        }
    }
}
