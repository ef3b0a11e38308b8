using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Plans;

public static class PlanLinks
{
    public static string List => "/plans";

    public static string Save => "/plans";

    public static string New => "/plans/new";

    public static string Details(long id) => $"/plans/{id}";

    /// <summary>The plan's table of items, on the given page of it.</summary>
    /// <summary>The plan in a link made by <see cref="Details"/> or <see cref="Items"/>, or null for any other link.</summary>
    public static long? IdIn(string url) =>
        url.StartsWith("/plans/", StringComparison.Ordinal) && long.TryParse(url["/plans/".Length..].Split('#', '?')[0], out var id) ? id : null;

    public static string Items(long id, int? page = null) => WithFragment(WithQuery(Details(id), ("page", page?.ToString())), "items");

    public static string Edit(long id) => $"/plans/{id}/edit";

    public static string SaveItem(long id) => $"/plans/{id}/items";

    public static string NewItem(long id) => $"/plans/{id}/items/new";

    public static string EditItem(long id, long itemId) => $"/plans/{id}/items/{itemId}/edit";

    public static string RemoveItem(long id, long itemId) => $"/plans/{id}/items/{itemId}/remove";

    public static string Execution(long id, long itemId) => $"/plans/{id}/items/{itemId}/execution";

    public static string Submit(long id) => $"/plans/{id}/submit";

    public static string Return(long id) => $"/plans/{id}/return";

    public static string Approve(long id) => $"/plans/{id}/approve";

    public static string RegulationCost(string code) => $"/workspace/regulations/{Segment(code)}/cost";

    public static string HourlyIncome => "/admin/hourly-income";

    public static string ApprovedReport(string? rangeQuery = null) => WithQuery("/reports/approved-plans", rangeQuery);

    public static string ExecutedReport(string? rangeQuery = null) => WithQuery("/reports/executed-cuts", rangeQuery);

    public static string ApiList => "/api/v1/plans";

    public static string Api(long id) => $"/api/v1/plans/{id}";
}
