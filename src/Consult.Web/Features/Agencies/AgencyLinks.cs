using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Agencies;

public static class AgencyLinks
{
    public static string List => "/agencies";

    public static string Details(string code) => $"/agencies/{Segment(code)}";
}
