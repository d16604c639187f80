using System.Globalization;
using RightsAcademy.Content;
using RightsAcademy.Web.Infrastructure.Localization;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>Which language a page is shown in: the viewer's when a translation exists, else the course's default.</summary>
public static class ContentLanguage
{
    public static string Viewer => SupportedCultures.IsSupported(CultureInfo.CurrentUICulture.Name)
        ? CultureInfo.CurrentUICulture.Name
        : CultureInfo.CurrentUICulture.TwoLetterISOLanguageName;

    public static T? Pick<T>(IEnumerable<T> texts, Func<T, string> language, string defaultLanguage) where T : class =>
        Pick(texts, language, defaultLanguage, Viewer);

    /// <param name="viewer">The language wanted, when it is not the current request's (outlines cached per language).</param>
    public static T? Pick<T>(IEnumerable<T> texts, Func<T, string> language, string defaultLanguage, string viewer) where T : class
    {
        var list = texts as IReadOnlyCollection<T> ?? [.. texts];
        return list.FirstOrDefault(t => language(t) == viewer) ?? list.FirstOrDefault(t => language(t) == defaultLanguage) ?? list.FirstOrDefault();
    }

    public static string Direction(string language) => LanguageCodes.IsRightToLeft(language) ? "rtl" : "ltr";

    /// <summary>The language's name in the viewer's language, for "shown in English" notes.</summary>
    public static string DisplayName(string language)
    {
        try
        {
            return CultureInfo.GetCultureInfo(language).DisplayName;
        }
        catch (CultureNotFoundException)
        {
            return language;
        }
    }
}
