using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;

namespace Consult.Web.Infrastructure;

/// <summary>
/// Views live in their feature's folder, named by the controller's namespace rather than by the controller, so one
/// feature may have a controller per URL prefix (plans, reports, the API) that share its views.
/// </summary>
public sealed class FeatureFolders : IViewLocationExpander
{
    public const string Location = "/Features/{feature}/{0}.cshtml";

    public void PopulateValues(ViewLocationExpanderContext context) =>
        context.Values["feature"] = (context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace?.Split('.')[^1];

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations) =>
        context.Values.TryGetValue("feature", out var feature) && feature is not null
            ? viewLocations.Select(location => location.Replace("{feature}", feature, StringComparison.Ordinal))
            : viewLocations.Where(location => !location.Contains("{feature}", StringComparison.Ordinal));
}
