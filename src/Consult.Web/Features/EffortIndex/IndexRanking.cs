using System.Globalization;
using System.Text;
using Consult.Domain.EffortIndex;
using MediatR;

namespace Consult.Web.Features.EffortIndex;

/// <summary>Every agency's score for a period, best first: the index page, its CSV and its open-data JSON.</summary>
public static class IndexRanking
{
    /// <param name="Period">A year (2025) or a quarter (2025-Q3); the current year when empty.</param>
    public sealed record Query(string? Period) : IRequest<Result?>;

    /// <param name="Periods">The periods a reader can switch to.</param>
    public sealed record Result(IndexView View, IReadOnlyList<ReportingPeriod> Periods);

    public sealed class Handler(IndexService index) : IRequestHandler<Query, Result?>
    {
        public async Task<Result?> Handle(Query request, CancellationToken cancellationToken) =>
            index.PeriodOr(request.Period) is { } period ? new Result(await index.ViewAsync(period, cancellationToken), index.RecentPeriods()) : null;
    }

    public static StringBuilder Csv(IndexView view)
    {
        var keys = view.Snapshot.Methodology.Indicators.Select(i => i.Key).ToList();
        var csv = new StringBuilder($"rank,agency,agency_name,score,band,transparency,results,satisfaction,{string.Join(',', keys)}\r\n");
        foreach (var (result, rank) in view.Ranking.Select((r, i) => (r, i + 1)))
        {
            var s = result.Score;
            csv.AppendJoin(',', new[] { rank.ToString(CultureInfo.InvariantCulture), result.Data.Code, Domain.Import.Csv.ExportCell(result.Data.Name), Points(s.Score), Bands.Label(s.Band) }
                .Concat(s.Groups.Select(g => Points(g.Points)))
                .Concat(keys.Select(k => Points(s.Indicators.Single(i => i.Definition.Key == k).Points)))).Append("\r\n");
        }
        return csv;
    }

    private static string Points(decimal value) => Math.Round(value, 2).ToString(CultureInfo.InvariantCulture);

    /// <summary>Scores are not rounded, so the parts add up to the total.</summary>
    public static object Json(IndexView view) => new
    {
        period = view.Period.Key,
        status = view.Status,
        methodologyVersion = view.Snapshot.MethodologyVersion,
        asOf = view.Snapshot.AsOf,
        agencies = view.Ranking.Select(r => new
        {
            agency = new { code = r.Data.Code, name = r.Data.Name },
            score = r.Score.Score,
            band = r.Score.Band.ToString().ToLowerInvariant(),
            groups = new
            {
                transparency = r.Score.Groups[0].Points,
                results = r.Score.Groups[1].Points,
                satisfaction = r.Score.Groups[2].Points,
            },
            indicators = r.Score.Indicators.Select(i => new
            {
                key = i.Definition.Key,
                numerator = i.Input.Numerator,
                denominator = i.Input.Denominator,
                hasData = i.HasData,
                points = i.Points,
                maxPoints = i.MaxPoints,
            }),
        }),
    };
}
