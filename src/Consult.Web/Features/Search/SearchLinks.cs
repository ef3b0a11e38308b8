using Consult.Web.Features.Shared;

namespace Consult.Web.Features.Search;

/// <summary>Links that keep the current search and change one parameter: facets, sorting, pages.</summary>
public static class SearchLinks
{
    public static string Index => "/search";

    public static string Find(string? q = null, string? agency = null, string? kind = null, string? status = null, string? sector = null) =>
        Paths.WithQuery(Index, ("q", q), ("agency", agency), ("kind", kind), ("status", status), ("sector", sector));

    public static string Csv(Search.Query query) => With(query, "page", null, "/search/csv");

    /// <summary>The parameters of a search as the query string carries them, empty ones left out.</summary>
    public static IEnumerable<KeyValuePair<string, string?>> Values(Search.Query query) => new Dictionary<string, string?>
    {
        ["q"] = query.Q,
        ["kind"] = query.Kind,
        ["agency"] = query.Agency,
        ["sector"] = query.Sector,
        ["status"] = query.Status,
        ["published"] = query.Published,
        ["docType"] = query.DocType,
        ["from"] = query.From,
        ["to"] = query.To,
        ["sort"] = query.Sort,
        ["pageSize"] = query.PageSize,
        ["page"] = query.Page,
    }.Where(kv => !string.IsNullOrWhiteSpace(kv.Value));

    public static string With(Search.Query query, string key, string? value, string path = "/search")
    {
        var values = Values(query).ToDictionary();
        values[key] = value;
        if (key != "page")
        {
            values.Remove("page");
        }
        return Paths.WithQuery(path, [.. values.Select(kv => (kv.Key, kv.Value))]);
    }

    /// <summary>Selecting a selected facet value removes the filter.</summary>
    public static string Toggle(Search.Query query, string key, Search.FacetValue facet) =>
        With(query, key, facet.Selected ? null : facet.Value);
}
