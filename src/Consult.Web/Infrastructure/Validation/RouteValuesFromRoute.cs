using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Infrastructure.Validation;

/// <summary>
/// An action parameter named in its route template (<c>{code}</c>, <c>{id:long}</c>) binds from the route only.
/// By default MVC reads form fields first, so a posted <c>Code</c> could override the record the URL names.
/// </summary>
public sealed class RouteValuesFromRoute : IApplicationModelConvention
{
    public void Apply(ApplicationModel application)
    {
        foreach (var action in application.Controllers.SelectMany(c => c.Actions))
        {
            var templates = action.Selectors.Select(s => s.AttributeRouteModel?.Template ?? "")
                .Concat(action.Controller.Selectors.Select(s => s.AttributeRouteModel?.Template ?? ""))
                .ToList();
            foreach (var parameter in action.Parameters)
            {
                var named = templates.Any(t => t.Contains("{" + parameter.ParameterName + "}", StringComparison.OrdinalIgnoreCase)
                    || t.Contains("{" + parameter.ParameterName + ":", StringComparison.OrdinalIgnoreCase));
                if (named)
                {
                    parameter.BindingInfo ??= new BindingInfo();
                    parameter.BindingInfo.BindingSource = BindingSource.Path;
                }
            }
        }
    }
}
