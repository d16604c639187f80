using System.Security.Cryptography;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>
/// Keys as files in one folder (mode 0700, files 0600 on Unix): <c>*.pem</c> (PKCS #8 or SEC 1) or <c>*.jwk</c>
/// (a private JWK), ordered by file name; the last one signs. The first key is written as
/// <see cref="FirstKeyFile"/>. To rotate, add <c>issuer-0002.pem</c> and keep the old file: it still verifies.
/// </summary>
public sealed class FileIssuerKeyStore(string folder) : IIssuerKeyStore
{
    public const string FirstKeyFile = "issuer-0001.pem";

    private const UnixFileMode OwnerOnlyFolder = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
    private const UnixFileMode OwnerOnlyFile = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    public string Folder { get; } = Path.GetFullPath(folder);

    public async Task<IReadOnlyList<IssuerKey>> LoadOrCreateAsync(CancellationToken cancellationToken)
    {
        EnsureFolder();
        var keys = await LoadAsync(cancellationToken);
        if (keys.Count > 0)
        {
            return keys;
        }

        await CreateFirstAsync(cancellationToken);
        return await LoadAsync(cancellationToken);
    }

    private void EnsureFolder()
    {
        if (Directory.Exists(Folder))
        {
            return;
        }

        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(Folder);
        }
        else
        {
            Directory.CreateDirectory(Folder, OwnerOnlyFolder);
        }
    }

    private async Task<List<IssuerKey>> LoadAsync(CancellationToken cancellationToken)
    {
        var keys = new List<IssuerKey>();
        var files = Directory.EnumerateFiles(Folder)
            .Where(f => f.EndsWith(".pem", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".jwk", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var text = await File.ReadAllTextAsync(file, cancellationToken);
            try
            {
                keys.Add(file.EndsWith(".jwk", StringComparison.OrdinalIgnoreCase) ? IssuerKey.FromJwk(text) : IssuerKey.FromPem(text));
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException or System.Text.Json.JsonException)
            {
                throw new CryptographicException($"The issuer key file {file} is not an ECDSA P-256 private key: {ex.Message}", ex);
            }
        }

        return keys;
    }

    // Several processes may start at once on a new folder. File.Move(overwrite: false) checks and renames in two
    // steps on Linux, so a winner must be chosen first: an exclusive lock file (FileShare.None takes an advisory
    // lock there). The holder creates the key if it is still missing, through a temporary file and a rename, so
    // a reader never sees half a key; the others wait and then read the winner's key.
    private async Task CreateFirstAsync(CancellationToken cancellationToken)
    {
        var target = Path.Combine(Folder, FirstKeyFile);
        await using var creation = await AcquireCreationLockAsync(cancellationToken);
        if (File.Exists(target))
        {
            return;
        }

        var temporary = Path.Combine(Folder, $".{FirstKeyFile}.{Guid.NewGuid():N}.tmp");
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnlyFile;
        }

        try
        {
            await using (var stream = new FileStream(temporary, options))
            await using (var writer = new StreamWriter(stream))
            {
                await writer.WriteAsync(IssuerKey.Generate().ExportPem().AsMemory(), cancellationToken);
                await writer.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private async Task<FileStream> AcquireCreationLockAsync(CancellationToken cancellationToken)
    {
        var path = Path.Combine(Folder, ".create.lock");
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException) when (attempt < 200)
            {
                await Task.Delay(25, cancellationToken);
            }
        }
    }
}
