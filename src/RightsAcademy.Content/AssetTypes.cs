namespace RightsAcademy.Content;

/// <summary>Decides an asset's content type from its bytes. A name can lie ("photo.png" holding HTML), and a
/// browser told text/html or image/svg+xml would run scripts from it, so only formats recognised by their
/// signature get a specific type; everything else is served as opaque bytes.</summary>
public static class AssetTypes
{
    public const string OctetStream = "application/octet-stream";

    /// <summary>PNG, JPEG, WebP or GIF judged by the leading bytes, or null.</summary>
    public static string? ImageContentType(ReadOnlySpan<byte> bytes)
    {
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
            return "image/png";
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]))
            return "image/jpeg";
        if (bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8))
            return "image/gif";
        if (bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8))
            return "image/webp";
        return null;
    }

    /// <summary>The content type to serve an asset with.</summary>
    public static string ContentType(string path, ReadOnlySpan<byte> bytes)
    {
        if (ImageContentType(bytes) is { } image)
            return image;
        if (bytes.StartsWith("%PDF-"u8))
            return "application/pdf";
        // Office documents are zip files; the extension picks which kind, the signature proves it is a zip.
        if (bytes.StartsWith("PK\u0003\u0004"u8))
        {
            var extension = System.IO.Path.GetExtension(path).ToUpperInvariant();
            switch (extension)
            {
                case ".DOCX": return "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
                case ".XLSX": return "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
                case ".PPTX": return "application/vnd.openxmlformats-officedocument.presentationml.presentation";
                case ".ODT": return "application/vnd.oasis.opendocument.text";
                case ".ODS": return "application/vnd.oasis.opendocument.spreadsheet";
                case ".ODP": return "application/vnd.oasis.opendocument.presentation";
                case ".ZIP": return "application/zip";
                default: break;
            }
        }
        return OctetStream;
    }
}
