using System.Security.Cryptography;
using System.Text;

namespace RightsAcademy.Content;

/// <summary>SHA-256 as lowercase hex, the one hash format the web app stores and compares.</summary>
internal static class ContentHashing
{
    public static string Of(byte[] bytes) => Convert.ToHexStringLower(SHA256.HashData(bytes));

    /// <summary>Hashes paths and per-file hashes in ordinal path order, so the result does not depend on the
    /// order files were listed in, and renaming a file changes it as much as editing one.</summary>
    public static string OfCourse(IEnumerable<(string Path, string FileHash)> files)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var (path, fileHash) in files.OrderBy(f => f.Path, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(path));
            hash.AppendData([0]);
            hash.AppendData(Encoding.ASCII.GetBytes(fileHash));
            hash.AppendData([(byte)'\n']);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
