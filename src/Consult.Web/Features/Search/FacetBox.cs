namespace Consult.Web.Features.Search;

/// <summary>One facet beside the results (<c>_Facet.cshtml</c>): its values link to the same search with the filter toggled.</summary>
public sealed record FacetBox(string Title, string Key, IReadOnlyList<Search.FacetValue> Values, Search.Query Query);
