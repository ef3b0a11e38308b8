using Consult.Domain.Registry;
using Consult.Web.Infrastructure.Data;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Statistics;

/// <summary>
/// Published and unpublished regulations per agency and kind, as the government's own tables
/// count them: a specialised inspection (KTCN) weighs its number of products in every total.
/// </summary>
public static class RegulationStatistics
{
    public sealed record Query(RegulationStatus? Status) : IRequest<Result>;

    public sealed record KindCount(int Published, int Unpublished, int ProductsPublished, int ProductsUnpublished);

    public sealed record AgencyRow(string Agency, string Name, IReadOnlyDictionary<RegulationKind, KindCount> Kinds)
    {
        public int Count(bool published) => Kinds.Sum(k => Weighted(k.Key, k.Value, published));
    }

    public sealed record Result(IReadOnlyList<AgencyRow> Agencies, IReadOnlyDictionary<RegulationKind, KindCount> Total)
    {
        public int Count(bool published) => Total.Sum(k => Weighted(k.Key, k.Value, published));
    }

    public static int Weighted(RegulationKind kind, KindCount count, bool published) =>
        kind == RegulationKind.SpecialisedInspection
            ? (published ? count.ProductsPublished : count.ProductsUnpublished)
            : (published ? count.Published : count.Unpublished);

    private sealed record Row
    {
        public string Code { get; init; } = "";
        public string Name { get; init; } = "";
        public string Kind { get; init; } = "";
        public bool Published { get; init; }
        public int Regulations { get; init; }
        public int Products { get; init; }
    }

    public sealed class Handler(Db db) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var rows = (await db.Connection.QueryAsync<Row>(db.Command(
                """
                select a.code, a.name, r.kind, r.published, count(*) regulations,
                       sum((select count(*) from regulation_product p where p.regulation_id = r.id)) products
                from regulation r join agency a on a.id = r.agency_id
                where @status is null or r.status = @status
                group by a.id, r.kind, r.published
                order by a.id
                """, new { status = request.Status is { } s ? RegulationStatuses.Code(s) : null }, cancellationToken))).ToList();
            var agencies = rows.GroupBy(r => (r.Code, r.Name))
                .Select(g => new AgencyRow(g.Key.Code, g.Key.Name, ByKind(g)))
                .ToList();
            return new Result(agencies, ByKind(rows));
        }

        private static Dictionary<RegulationKind, KindCount> ByKind(IEnumerable<Row> rows)
        {
            var list = rows.ToList();
            return RegulationKinds.All.ToDictionary(kind => kind, kind =>
            {
                var code = RegulationKinds.Code(kind);
                var ofKind = list.Where(r => r.Kind == code).ToList();
                return new KindCount(
                    ofKind.Where(r => r.Published).Sum(r => r.Regulations),
                    ofKind.Where(r => !r.Published).Sum(r => r.Regulations),
                    ofKind.Where(r => r.Published).Sum(r => r.Products),
                    ofKind.Where(r => !r.Published).Sum(r => r.Products));
            });
        }
    }

    /// <summary>The answer of <c>/api/v1/statistics/regulations</c>.</summary>
    public static object Json(Result result, RegulationStatus? filter) => new
    {
        status = filter is { } f ? RegulationStatuses.Code(f) : null,
        agencies = result.Agencies.Select(a => new
        {
            agency = a.Agency,
            name = a.Name,
            kinds = Kinds(a.Kinds),
            total = new { published = a.Count(true), unpublished = a.Count(false) },
        }),
        total = new
        {
            kinds = Kinds(result.Total),
            published = result.Count(true),
            unpublished = result.Count(false),
        },
    };

    private static Dictionary<string, object> Kinds(IReadOnlyDictionary<RegulationKind, RegulationStatistics.KindCount> kinds) =>
        kinds.ToDictionary(k => RegulationKinds.Code(k.Key), k => k.Key == RegulationKind.SpecialisedInspection
            ? new { published = k.Value.Published, unpublished = k.Value.Unpublished, productsPublished = k.Value.ProductsPublished, productsUnpublished = k.Value.ProductsUnpublished }
            : (object)new { published = k.Value.Published, unpublished = k.Value.Unpublished });
}
