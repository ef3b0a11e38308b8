using System.Text;
using Consult.Domain.Registry;
using Consult.Domain.Text;
using Consult.Web.Features.EffortIndex;
using Consult.Web.Infrastructure;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Statistics;

/// <summary>
/// Phụ lục 1 (III): regulations in force, published and not, per agency and kind, as they stood at the end of a day
/// (each regulation's last version saved by then), under the agency that held them that day.
/// </summary>
public static class PublicationReport
{
    public sealed record Query(DateOnly AsOf) : IRequest<Result>;

    public sealed record Row(AgencyRef Agency, KindTally Published, KindTally Unpublished);

    public sealed record Result(DateOnly AsOf, IReadOnlyList<Row> Rows, KindTally Published, KindTally Unpublished);

    public sealed class Handler(Db db, VersionFacts versions, RegistryFacts facts) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            await facts.CatchUpAsync(db, cancellationToken);
            var keys = (await db.Connection.QueryAsync<(long Id, int Version)>(db.Command(
                "select regulation_id, max(version) from regulation_version where saved_at < @until group by regulation_id",
                new { until = VietnamTime.EndOfDayUtc(request.AsOf) }, cancellationToken))).ToList();
            var state = await versions.LoadAsync(db, keys, cancellationToken);
            var published = new KindTally();
            var unpublished = new KindTally();
            var rows = state.Values.Where(r => r.InForce).GroupBy(r => r.Agency)
                .Select(g =>
                {
                    var row = new Row(facts.Agencies.FirstOrDefault(a => a.Code == g.Key) ?? new AgencyRef { Code = g.Key, Name = g.Key }, new KindTally(), new KindTally());
                    foreach (var r in g)
                    {
                        var kind = RegulationKinds.FromCode(r.Kind);
                        (r.Published ? row.Published : row.Unpublished).Add(kind, r.ProductCount);
                        (r.Published ? published : unpublished).Add(kind, r.ProductCount);
                    }
                    return row;
                })
                .OrderBy(r => r.Agency.Name).ToList();
            return new Result(request.AsOf, rows, published, unpublished);
        }
    }

    /// <summary>The report as the CSV file the page offers, with a closing line of totals.</summary>
    public static StringBuilder Csv(Result report)
    {
        var csv = new StringBuilder("as_of,agency,agency_name,"
            + string.Join(',', RegulationKinds.All.Select(k => $"{RegulationKinds.Code(k).ToLowerInvariant()}_pub,{RegulationKinds.Code(k).ToLowerInvariant()}_unpub"))
            + ",ktcn_procedures_pub,ktcn_procedures_unpub,total_pub,total_unpub\r\n");
        void Line(string code, string name, KindTally published, KindTally unpublished) =>
            csv.Append(string.Join(',', new[] { report.AsOf.ToString(IsoDate.Pattern), code, name }.Select(Domain.Import.Csv.ExportCell))).Append(',')
                .Append(string.Join(',', RegulationKinds.All.SelectMany(k => new[] { published.Units(k), unpublished.Units(k) })))
                .Append(',').Append(published.Regulations(RegulationKind.SpecialisedInspection)).Append(',').Append(unpublished.Regulations(RegulationKind.SpecialisedInspection))
                .Append(',').Append(published.Total).Append(',').Append(unpublished.Total).Append("\r\n");
        foreach (var row in report.Rows)
        {
            Line(row.Agency.Code, row.Agency.Name, row.Published, row.Unpublished);
        }
        Line("TONG", "Tổng cộng", report.Published, report.Unpublished);
        return csv;
    }
}
