using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Applicable;

/// <summary>A business profile travels as its query string, so every link takes it whole.</summary>
public static class ApplicableLinks
{
    public static string Index(string? profileQuery = null) => WithQuery("/applicable", profileQuery);

    public static string Checklist(string? profileQuery) => WithQuery("/applicable/checklist", profileQuery);

    public static string Csv(string? profileQuery) => WithQuery("/applicable.csv", profileQuery);

    public static string Profiles => "/applicable/profiles";

    public static string RemoveProfile(long id) => $"/applicable/profiles/{id}/remove";

    public static string Vsic => "/admin/vsic";
}
