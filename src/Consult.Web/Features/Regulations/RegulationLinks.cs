using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Regulations;

public static class RegulationLinks
{
    public static string Details(string code, string? fragment = null) => WithFragment($"/regulations/{Segment(code)}", fragment);

    /// <summary>The code in a link made by <see cref="Details"/>, or null for any other link.</summary>
    public static string? CodeIn(string url) =>
        url.StartsWith("/regulations/", StringComparison.Ordinal) ? Uri.UnescapeDataString(url["/regulations/".Length..].Split('#')[0]) : null;

    public static string Version(string code, int version) => $"/regulations/{Segment(code)}/versions/{version}";

    public static string ApiList => "/api/v1/regulations";
}
