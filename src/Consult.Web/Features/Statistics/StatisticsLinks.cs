using static Consult.Web.Features.Shared.Paths;

namespace Consult.Web.Features.Statistics;

public static class StatisticsLinks
{
    public static string Published(string? asOf = null, string? format = null) =>
        WithQuery("/reports/published", ("format", format), ("asOf", asOf));

    public static string Api(string? status = null) => WithQuery("/api/v1/statistics/regulations", ("status", status));
}
