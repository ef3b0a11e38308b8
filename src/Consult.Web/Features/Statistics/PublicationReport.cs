using Consult.Domain.Registry;
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
            facts.CatchUp(db.Connection, db.Transaction);
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
}
