using System.Globalization;

namespace RightsAcademy.Web.Infrastructure.Localization;

/// <summary>
/// Switches the current culture for a block of work done for someone else, e.g. a mail written in the
/// recipient's language while the request runs in the sender's.
/// </summary>
public sealed class CultureScope : IDisposable
{
    private readonly CultureInfo _culture = CultureInfo.CurrentCulture;
    private readonly CultureInfo _uiCulture = CultureInfo.CurrentUICulture;

    public CultureScope(string language)
    {
        var culture = CultureInfo.GetCultureInfo(SupportedCultures.IsSupported(language) ? language : SupportedCultures.Default);
        CultureInfo.CurrentCulture = culture;
        CultureInfo.CurrentUICulture = culture;
    }

    public void Dispose()
    {
        CultureInfo.CurrentCulture = _culture;
        CultureInfo.CurrentUICulture = _uiCulture;
    }
}
