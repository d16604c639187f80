using System.Security.Cryptography;
using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

public sealed class FileIssuerKeyStoreTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), $"ra-keys-{Guid.NewGuid():N}", "keys");

    [Fact]
    public async Task The_first_use_creates_one_key_readable_by_the_owner_only()
    {
        var keys = await new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None);

        var key = Assert.Single(keys);
        var file = Path.Combine(_folder, FileIssuerKeyStore.FirstKeyFile);
        Assert.Equal([file], Directory.GetFiles(_folder).Where(f => !Path.GetFileName(f).StartsWith('.')));
        Assert.Contains("-----BEGIN PRIVATE KEY-----", await File.ReadAllTextAsync(file), StringComparison.Ordinal);
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(_folder));
        }

        var again = await new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None);
        Assert.Equal(key.KeyId, Assert.Single(again).KeyId);
    }

    [Fact]
    public async Task Concurrent_first_uses_agree_on_one_key()
    {
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Task.Run(() => new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None))));

        Assert.Single(results.SelectMany(r => r).Select(k => k.KeyId).Distinct());
        Assert.Single(Directory.GetFiles(_folder), f => !Path.GetFileName(f).StartsWith('.'));
    }

    [Fact]
    public async Task A_newer_key_file_signs_and_the_old_one_stays_published()
    {
        var first = Assert.Single(await new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None));
        var second = IssuerKey.Generate();
        await File.WriteAllTextAsync(Path.Combine(_folder, "issuer-0002.pem"), second.ExportPem());

        var keys = new IssuerKeys(new FileIssuerKeyStore(_folder));

        Assert.Equal(second.KeyId, (await keys.GetSigningKeyAsync()).KeyId);
        var jwks = await keys.GetJwkSetJsonAsync();
        Assert.Contains(first.KeyId, jwks, StringComparison.Ordinal);
        Assert.Contains(second.KeyId, jwks, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_configured_jwk_file_is_loaded()
    {
        Directory.CreateDirectory(_folder);
        var key = IssuerKey.Generate();
        using var ecdsa = key.CreateSigner();
        var p = ecdsa.ExportParameters(includePrivateParameters: true);
        static string B(byte[] b) => System.Buffers.Text.Base64Url.EncodeToString(b);
        await File.WriteAllTextAsync(Path.Combine(_folder, "issuer.jwk"),
            $$"""{"kty":"EC","crv":"P-256","x":"{{B(p.Q.X!)}}","y":"{{B(p.Q.Y!)}}","d":"{{B(p.D!)}}"}""");

        var keys = await new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None);

        Assert.Equal(key.KeyId, Assert.Single(keys).KeyId);
    }

    [Fact]
    public async Task A_file_that_is_not_a_p256_key_is_named_in_the_error()
    {
        Directory.CreateDirectory(_folder);
        using var rsa = RSA.Create(2048);
        await File.WriteAllTextAsync(Path.Combine(_folder, "issuer-0001.pem"), rsa.ExportPkcs8PrivateKeyPem());

        var error = await Assert.ThrowsAsync<CryptographicException>(() => new FileIssuerKeyStore(_folder).LoadOrCreateAsync(CancellationToken.None));

        Assert.Contains("issuer-0001.pem", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(Path.GetDirectoryName(_folder)!, recursive: true);
}
