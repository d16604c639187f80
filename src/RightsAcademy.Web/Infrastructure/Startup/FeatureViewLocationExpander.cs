using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace RightsAcademy.Web.Infrastructure.Startup;

/// <summary>
/// Views live beside their controller in <c>Features/&lt;Feature&gt;/</c>; the feature is the last segment of the
/// controller's namespace, so a controller's name need not match its folder.
/// </summary>
internal sealed class FeatureViewLocationExpander : IViewLocationExpander
{
    private const string FeatureKey = "feature";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        if (context.ActionContext.ActionDescriptor is ControllerActionDescriptor action)
        {
            var ns = action.ControllerTypeInfo.Namespace ?? string.Empty;
            context.Values[FeatureKey] = ns[(ns.LastIndexOf('.') + 1)..];
        }
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        if (context.Values.TryGetValue(FeatureKey, out var feature) && !string.IsNullOrEmpty(feature))
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        yield return "/Features/Shared/{0}.cshtml";
    }
}
