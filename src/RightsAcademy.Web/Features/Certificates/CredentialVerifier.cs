using System.Buffers.Text;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>The outcome of checking a VC-JWT: the credential when valid, otherwise why not.</summary>
public sealed record CredentialVerification(bool IsValid, JsonObject? Credential, string? Reason)
{
    public static CredentialVerification Valid(JsonObject credential) => new(true, credential, null);

    public static CredentialVerification Invalid(string reason) => new(false, null, reason);
}

/// <summary>
/// Checks a VC-JWT against a JWK set (ours from <see cref="IssuerKeys"/>, or one fetched from an issuer) with
/// Microsoft.IdentityModel: ES256 only, <c>typ</c> vc+jwt, a published key, not before its <c>nbf</c>, and a
/// payload that is a verifiable credential.
/// </summary>
public sealed class CredentialVerifier
{
    private readonly JsonWebTokenHandler _handler = new();

    public async Task<CredentialVerification> VerifyAsync(string jwt, string jwkSetJson)
    {
        if (string.IsNullOrWhiteSpace(jwt) || jwt.Split('.').Length != 3)
        {
            return CredentialVerification.Invalid("Not a signed JWT (three base64url parts separated by dots).");
        }

        IList<SecurityKey> keys;
        try
        {
            keys = new JsonWebKeySet(jwkSetJson).GetSigningKeys();
        }
        catch (ArgumentException ex)
        {
            return CredentialVerification.Invalid($"The key set is not a JWK set: {ex.Message}");
        }

        // Looked up first: for an unknown kid the handler reports a misleading lifetime error.
        string? kid;
        try
        {
            kid = new JsonWebToken(jwt).Kid;
        }
        catch (ArgumentException)
        {
            return CredentialVerification.Invalid("It is not a well-formed JWT.");
        }

        if (string.IsNullOrEmpty(kid) || !keys.Any(k => k.KeyId == kid))
        {
            return CredentialVerification.Invalid("It is signed with a key that is not in the issuer's key set.");
        }

        var parameters = new TokenValidationParameters
        {
            IssuerSigningKeys = keys,
            ValidAlgorithms = [SecurityAlgorithms.EcdsaSha256],
            ValidTypes = [CredentialSigner.MediaType],
            ValidateIssuer = false, // the key set is the issuer's; the credential's issuer is checked by whoever chose the set
            ValidateAudience = false,
            RequireExpirationTime = false, // certificates do not expire
            ValidateLifetime = true,
            TryAllIssuerSigningKeys = false, // only the key the header names
        };

        var result = await _handler.ValidateTokenAsync(jwt, parameters);
        if (!result.IsValid)
        {
            return CredentialVerification.Invalid(Reason(result.Exception));
        }

        JsonObject? credential;
        try
        {
            credential = JsonNode.Parse(Base64Url.DecodeFromChars(jwt.Split('.')[1]))?.AsObject();
        }
        catch (Exception ex) when (ex is JsonException or FormatException or InvalidOperationException)
        {
            return CredentialVerification.Invalid("The payload is not a JSON object.");
        }

        if (credential?["@context"] is not JsonArray contexts || contexts.Count == 0
            || (string?)contexts[0] != OpenBadgeCredentialBuilder.CredentialsContext
            || credential["type"] is not JsonArray types || !types.Any(t => (string?)t == "VerifiableCredential"))
        {
            return CredentialVerification.Invalid("The payload is not a verifiable credential (data model 2.0).");
        }

        return CredentialVerification.Valid(credential);
    }

    private static string Reason(Exception? error) => error switch
    {
        SecurityTokenSignatureKeyNotFoundException => "It is signed with a key that is not in the issuer's key set.",
        SecurityTokenInvalidSignatureException => "The signature does not match the content: it was altered or signed with another key.",
        SecurityTokenInvalidAlgorithmException => "It is not signed with ES256.",
        SecurityTokenInvalidTypeException => "Its type is not vc+jwt.",
        SecurityTokenNotYetValidException => "It is not valid yet.",
        SecurityTokenExpiredException => "It has expired.",
        SecurityTokenMalformedException => "It is not a well-formed JWT.",
        null => "It could not be verified.",
        _ => $"It could not be verified: {error.GetType().Name}.",
    };
}
