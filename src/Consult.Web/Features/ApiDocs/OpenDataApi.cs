using Consult.Web.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApplicationModels;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Consult.Web.Features.ApiDocs;

/// <summary>
/// The OpenAPI description of the open-data endpoints (<c>/api/v1/…</c>) at <c>/openapi/v1.json</c>, generated from the
/// controllers themselves so it cannot drift from them; the Vietnamese page <c>/api</c> explains it with examples.
/// </summary>
public static class OpenDataApi
{
    public const string Prefix = "api/v1/";

    public static IServiceCollection AddOpenDataApi(this IServiceCollection services) =>
        services.AddOpenApi("v1", options =>
        {
            options.ShouldInclude = description => description.RelativePath?.StartsWith(Prefix, StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, context, _) =>
            {
                var site = context.ApplicationServices.GetRequiredService<IOptions<SiteOptions>>().Value;
                document.Info = new OpenApiInfo
                {
                    Title = "API dữ liệu mở – Cổng tham vấn và tra cứu quy định kinh doanh",
                    Version = "v1",
                    Description = "Quy định kinh doanh, phương án cắt giảm, đơn giản hóa, đợt lấy ý kiến, số liệu công khai và chỉ số nỗ lực cải cách, "
                        + "chỉ gồm những gì công chúng được xem. Hướng dẫn bằng tiếng Việt kèm ví dụ: /api.",
                    License = new OpenApiLicense { Name = "CC BY 4.0", Url = new Uri("https://creativecommons.org/licenses/by/4.0/") },
                };
                // The public address from configuration, never the request's Host.
                document.Servers = [new OpenApiServer { Url = site.PublicUrl.TrimEnd('/') }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer((operation, context, _) =>
            {
                // Only what a request may set, under the names the examples use (binding ignores case).
                var hidden = context.Description.ParameterDescriptions.Where(p => p.ModelMetadata?.IsBindingAllowed == false).Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase);
                var parameters = operation.Parameters ?? [];
                foreach (var parameter in parameters.OfType<OpenApiParameter>().ToList())
                {
                    if (hidden.Contains(parameter.Name ?? ""))
                    {
                        parameters.Remove(parameter);
                    }
                    else if (parameter.Name is { Length: > 0 } name)
                    {
                        parameter.Name = char.ToLowerInvariant(name[0]) + name[1..];
                    }
                }
                return Task.CompletedTask;
            });
        });
}

/// <summary>Makes the open-data actions visible to the API explorer (pages are not described; they are not an API).</summary>
public sealed class OpenDataApiConvention : IActionModelConvention
{
    public void Apply(ActionModel action)
    {
        if (action.Selectors.Any(s => s.AttributeRouteModel?.Template?.StartsWith(OpenDataApi.Prefix, StringComparison.Ordinal) == true))
        {
            action.ApiExplorer.IsVisible = true;
        }
    }
}
