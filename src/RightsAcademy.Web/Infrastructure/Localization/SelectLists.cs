using Microsoft.AspNetCore.Mvc.Rendering;
using RightsAcademy.Web.Infrastructure.Time;

namespace RightsAcademy.Web.Infrastructure.Localization;

public static class SelectLists
{
    public static IEnumerable<SelectListItem> Languages(string? selected) =>
        SupportedCultures.Codes.Select(code => new SelectListItem(SupportedCultures.NativeName(code), code, code == selected));

    public static IEnumerable<SelectListItem> TimeZones(string? selected) =>
        TimeZoneCatalog.Ids.Select(id => new SelectListItem(id, id, id == selected));
}
