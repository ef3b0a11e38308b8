using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Consult.Web.Features.ApiDocs;

/// <summary>
/// <c>/api</c>: the open-data endpoints explained in Vietnamese, read from the same descriptions as <c>/openapi/v1.json</c>
/// (so a new endpoint appears here by itself), each with a request to try.
/// </summary>
public sealed class ApiDocsController(IApiDescriptionGroupCollectionProvider explorer) : Controller
{
    public sealed record Endpoint(string Path, string Summary, string Description, IReadOnlyList<string> Parameters, string? Example);

    /// <summary>A request worth trying on each list; one record's address comes from a list's <c>url</c> or <c>id</c>.</summary>
    private static readonly Dictionary<string, string> Examples = new()
    {
        ["api/v1/regulations"] = "/api/v1/regulations?q=giấy phép bán buôn rượu&pageSize=5",
        ["api/v1/statistics/regulations"] = "/api/v1/statistics/regulations?status=in_force",
        ["api/v1/plans"] = "/api/v1/plans?agency=BYT",
        ["api/v1/consultations"] = "/api/v1/consultations?status=open",
        ["api/v1/effort-index"] = "/api/v1/effort-index",
        ["api/v1/applicable"] = "/api/v1/applicable?lines=4633&form=tnhh&size=nho&province=01",
    };

    [HttpGet("api")]
    public IActionResult Index()
    {
        var endpoints = explorer.ApiDescriptionGroups.Items.SelectMany(g => g.Items)
            .Where(d => d.RelativePath?.StartsWith(OpenDataApi.Prefix, StringComparison.Ordinal) == true)
            .Select(d => new Endpoint(
                "/" + d.RelativePath,
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointSummaryMetadata>().FirstOrDefault()?.Summary ?? "",
                d.ActionDescriptor.EndpointMetadata.OfType<IEndpointDescriptionMetadata>().FirstOrDefault()?.Description ?? "",
                [.. d.ParameterDescriptions.Where(p => p.Source != BindingSource.Path && p.ModelMetadata?.IsBindingAllowed != false)
                    .Select(p => char.ToLowerInvariant(p.Name[0]) + p.Name[1..])],
                Examples.GetValueOrDefault(d.RelativePath!)))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToList();
        return View(endpoints);
    }
}
