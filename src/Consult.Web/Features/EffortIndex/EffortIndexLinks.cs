using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.EffortIndex;

public static class EffortIndexLinks
{
    public static string Index(string? period = null) => WithQuery("/effort-index", ("period", period));

    public static string Agency(string period, string agency) => $"/effort-index/{Segment(period)}/{Segment(agency)}";

    /// <summary>The records behind one indicator's numerator or denominator.</summary>
    public static string Evidence(string period, string agency, string indicator, string part) =>
        $"{Agency(period, agency)}/{Segment(indicator)}/{part}";

    public static string Methodology => "/effort-index/methodology";

    public static string Publish(string period) => $"/effort-index/{Segment(period)}/publish";

    public static string Csv(string? period = null) => WithQuery("/effort-index.csv", ("period", period));

    public static string Api(string? period = null) => WithQuery("/api/v1/effort-index", ("period", period));
}
