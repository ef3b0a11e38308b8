using System.Security.Claims;
using Consult.Domain.Accounts;

namespace Consult.Web.Infrastructure.Security;

/// <summary>
/// Who is asking. Requests from the web carry a signed-in user or nobody; work started outside a request
/// (start-up, the maintenance commands on the server's shell) runs as the system.
/// </summary>
public sealed class CurrentUser(IHttpContextAccessor http)
{
    public const string AgencyClaim = "consult:agency";
    public const string AgencyCodeClaim = "consult:agency-code";
    public const string DisplayNameClaim = "consult:display-name";
    public const string ProvinceClaim = "consult:province";

    private ClaimsPrincipal? Principal => http.HttpContext?.User;

    public bool IsSystem => http.HttpContext is null;

    public bool IsSignedIn => Principal?.Identity?.IsAuthenticated == true;

    public long? Id => long.TryParse(Principal?.FindFirstValue(ClaimTypes.NameIdentifier), out var id) ? id : null;

    /// <summary>How the audit trail and version history name this actor.</summary>
    public string Name => IsSystem ? "Hệ thống" : Principal?.FindFirstValue(ClaimTypes.Name) ?? "Khách";

    public string DisplayName => Principal?.FindFirstValue(DisplayNameClaim) ?? Name;

    public int? AgencyId => int.TryParse(Principal?.FindFirstValue(AgencyClaim), out var id) ? id : null;

    /// <summary>The code of the user's agency, which forms post as the agency they work for.</summary>
    public string? AgencyCode => Principal?.FindFirstValue(AgencyCodeClaim);

    /// <summary>The province a provincial office files feedback for; null for everyone else.</summary>
    public string? ProvinceCode => IsIn(Roles.ProvincialOffice) ? Principal!.FindFirstValue(ProvinceClaim) : null;

    public bool IsIn(string role) => IsSignedIn && Principal!.IsInRole(role);

    /// <summary>Reviewers and administrators see every agency's work, published or not.</summary>
    public bool SeesAllAgencies => IsSystem || IsIn(Roles.Reviewer) || IsIn(Roles.Admin);

    public bool IsStaff => AgencyId is not null && (IsIn(Roles.Editor) || IsIn(Roles.Lead));

    /// <summary>Editors maintain their agency's records; leads may do everything editors may, and publish.</summary>
    public bool Holds(string role, int agencyId) =>
        IsSystem || (AgencyId == agencyId && (IsIn(role) || (role == Roles.Editor && IsIn(Roles.Lead))));

    public bool Sees(bool published, int agencyId) => published || SeesAllAgencies || AgencyId == agencyId && IsStaff;

    /// <summary>The rules of <see cref="Sees"/> for SQL over <c>regulation r</c> and <c>plan p</c>.</summary>
    public Visibility Visibility => new(SeesAllAgencies, IsStaff ? AgencyId!.Value : -1);
}

/// <summary>
/// Unpublished regulations, and plans not yet submitted (or returned), are seen only by their agency's staff,
/// reviewers and administrators; a plan the agency has put out for public consultation is public.
/// </summary>
public sealed record Visibility(bool SeesAll, int OwnAgency)
{
    public const string Regulations = "(r.published = true or @SeesAll or r.agency_id = @OwnAgency)";
    public const string Plans = """
        (p.status not in ('draft', 'returned') or @SeesAll or p.agency_id = @OwnAgency
            or exists (select 1 from consultation pc where pc.plan_id = p.id and pc.published = true))
        """;

    /// <summary>These parameters together with a query's own.</summary>
    public Dapper.DynamicParameters With(object parameters)
    {
        var all = new Dapper.DynamicParameters(this);
        all.AddDynamicParams(parameters);
        return all;
    }
}
