using Microsoft.AspNetCore.WebUtilities;

namespace Consult.Web.Features.Search;

/// <summary>Links that keep the current search and change one parameter: facets, sorting, pages.</summary>
public static class SearchLinks
{
    public static string With(Search.Query query, string key, string? value, string path = "/search")
    {
        var values = new Dictionary<string, string?>
        {
            ["q"] = query.Q,
            ["kind"] = query.Kind,
            ["agency"] = query.Agency,
            ["sector"] = query.Sector,
            ["status"] = query.Status,
            ["published"] = query.Published,
            ["sort"] = query.Sort,
            ["pageSize"] = query.PageSize,
        };
        values[key] = value;
        if (key != "page")
        {
            values.Remove("page");
        }
        return QueryHelpers.AddQueryString(path, values.Where(kv => !string.IsNullOrWhiteSpace(kv.Value)));
    }

    /// <summary>Selecting a selected facet value removes the filter.</summary>
    public static string Toggle(Search.Query query, string key, Search.FacetValue facet) =>
        With(query, key, facet.Selected ? null : facet.Value);
}
