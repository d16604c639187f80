using QRCoder;

namespace RightsAcademy.Web.Features.Certificates;

/// <summary>The QR code's modules (true = dark), quiet zone included, for drawing as vector squares.</summary>
internal static class QrCode
{
    /// <summary>The text the QR code encodes: the verification URL, exactly as printed beside it.</summary>
    public static string Payload(CertificateContent content) => content.VerificationUrl.AbsoluteUri;

    // Level M survives a fold or a coffee stain on a printed page and keeps the code small.
    public static bool[,] Modules(string payload)
    {
        using var data = QRCodeGenerator.GenerateQrCode(payload, QRCodeGenerator.ECCLevel.M);
        var rows = data.ModuleMatrix;
        var modules = new bool[rows.Count, rows.Count];
        for (var y = 0; y < rows.Count; y++)
        {
            for (var x = 0; x < rows.Count; x++)
            {
                modules[y, x] = rows[y][x];
            }
        }

        return modules;
    }
}
