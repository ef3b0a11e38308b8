using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Admin;

public static class AdminLinks
{
    public static string Home => "/admin";

    public static string Users(string? q = null, string? role = null, string? agency = null, int? page = null) =>
        WithQuery("/admin/users", ("q", q), ("role", role), ("agency", agency), ("page", page?.ToString()));

    public static string NewUser => "/admin/users/new";

    public static string User(long id) => $"/admin/users/{id}";

    public static string Agencies => "/admin/agencies";

    public static string NewAgency => "/admin/agencies/new";

    public static string Agency(long id) => $"/admin/agencies/{id}";

    public static string Reorganise(string code) => $"/admin/agencies/{Segment(code)}/reorganise";

    public static string Sectors => "/admin/sectors";

    public static string NewSector => "/admin/sectors/new";

    public static string Sector(long id) => $"/admin/sectors/{id}";
}
