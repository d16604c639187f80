using Microsoft.Extensions.Localization;
using RightsAcademy.Content;

namespace RightsAcademy.Web.Features.Courses;

/// <summary>Names for values trainers write as slugs (themes) or enums (levels), in the viewer's language.</summary>
public static class Labels
{
    /// <summary>Known themes have translated names; a new theme a trainer invents still reads well.</summary>
    public static string Theme(IStringLocalizer t, string slug)
    {
        var name = t[$"Theme.{slug}"];
        return name.ResourceNotFound
            ? string.Concat(char.ToUpperInvariant(slug[0]).ToString(), slug[1..].Replace('-', ' '))
            : name.Value;
    }

    public static string Level(IStringLocalizer t, CourseLevel level) => t[$"Level.{level}"];

    public static string Hours(decimal hours) => hours.ToString("0.#", System.Globalization.CultureInfo.CurrentCulture);
}
