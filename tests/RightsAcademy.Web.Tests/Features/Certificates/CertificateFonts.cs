using RightsAcademy.Web.Features.Certificates;

namespace RightsAcademy.Web.Tests.Features.Certificates;

/// <summary>The installed Noto fonts, opened once for a test class (as the app opens them once).</summary>
public sealed class CertificateFonts : IDisposable
{
    public FontCatalogue Catalogue { get; } = FontCatalogue.Load();

    public void Dispose() => Catalogue.Dispose();
}
