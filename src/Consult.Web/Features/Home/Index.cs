using Consult.Domain.Registry;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Home;

public static class Index
{
    public sealed record Query : IRequest<Result>;

    public sealed record KindCount(RegulationKind Kind, int Regulations, int Products);

    public sealed record Result(IReadOnlyList<KindCount> InForce, int DocumentCount, int AgencyCount, IReadOnlyList<Search.Search.Hit> Newest);

    public sealed class Handler(Db db, RegistryFacts facts, CurrentUser user) : IRequestHandler<Query, Result>
    {
        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            facts.CatchUp(db.Connection);
            var inForce = facts.All().Where(f => f.Status == RegulationStatus.InForce && user.Sees(f.Published, f.AgencyId)).ToList();
            var counts = RegulationKinds.All
                .Select(k => new KindCount(k, inForce.Count(f => f.Kind == k), inForce.Where(f => f.Kind == k).Sum(f => f.ProductCount)))
                .ToList();
            var documents = await db.Connection.ExecuteScalarAsync<int>("select count(*) from legal_document");
            var agencies = inForce.Select(f => f.AgencyId).Distinct().Count();
            var newest = await db.Connection.QueryAsync<Search.Search.Hit>(
                $"""
                select {Search.Search.Hit.Columns}
                from regulation r join agency a on a.id = r.agency_id
                where {Visibility.Regulations}
                order by r.change_seq desc limit 8
                """, user.Visibility);
            return new Result(counts, documents, agencies,
                newest.ToList());
        }
    }
}
