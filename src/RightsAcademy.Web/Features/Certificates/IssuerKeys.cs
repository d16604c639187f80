using System.Text.Json.Nodes;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>The issuer's keys, loaded (or created) once from the store and kept for the life of the app.</summary>
public sealed class IssuerKeys(IIssuerKeyStore store)
{
    private readonly Lock _lock = new();
    private Task<IReadOnlyList<IssuerKey>>? _loading;

    public Task<IReadOnlyList<IssuerKey>> GetAllAsync(CancellationToken cancellationToken = default)
    {
        lock (_lock)
        {
            // A failed load (a folder not yet writable, a database down) is tried again by the next caller.
            if (_loading is null || _loading.IsFaulted || _loading.IsCanceled)
            {
                _loading = store.LoadOrCreateAsync(CancellationToken.None);
            }

            return _loading.WaitAsync(cancellationToken);
        }
    }

    /// <summary>The newest key, which signs new credentials.</summary>
    public async Task<IssuerKey> GetSigningKeyAsync(CancellationToken cancellationToken = default)
    {
        var keys = await GetAllAsync(cancellationToken);
        return keys.Count > 0 ? keys[^1] : throw new InvalidOperationException("The issuer key store returned no key.");
    }

    /// <summary>The JSON for <c>/.well-known/jwks.json</c>: every key's public half.</summary>
    public async Task<string> GetJwkSetJsonAsync(CancellationToken cancellationToken = default) =>
        JwkSet(await GetAllAsync(cancellationToken));

    public static string JwkSet(IEnumerable<IssuerKey> keys) =>
        new JsonObject { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.PublicJwk())]) }.ToJsonString();
}
