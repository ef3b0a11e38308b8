using Consult.Domain.Registry;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Registry;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Home;

public static class Index
{
    public sealed record Query : IRequest<Result>;

    /// <param name="Units">What the kind adds to the total: for KTCN its products and goods.</param>
    public sealed record KindCount(RegulationKind Kind, int Regulations, int Units);

    public sealed record Result(IReadOnlyList<KindCount> InForce, int Total, int DocumentCount, int AgencyCount, IReadOnlyList<Search.Search.Hit> Newest);

    public sealed class Handler(Db db, RegistryFigures figures, CurrentUser user) : IRequestHandler<Query, Result>
    {
        /// <summary>The newest list shows at most this many of one agency, so one busy ministry does not fill it.</summary>
        private const int NewestPerAgency = 2;

        public async Task<Result> Handle(Query request, CancellationToken cancellationToken)
        {
            var current = await figures.CurrentAsync(cancellationToken);
            var published = current.Government.Published;
            var counts = RegulationKinds.All.Select(k => new KindCount(k, published.Regulations(k), published.Units(k))).ToList();
            var agencies = current.ByAgency.Values.Count(f => f.Published.Total > 0);
            var newest = await db.Connection.QueryAsync<Search.Search.Hit>(db.Command(
                $"""
                select {Search.Search.Hit.Columns}
                from agency a join regulation r on r.id in (
                    select r.id from regulation r where r.agency_id = a.id and {Visibility.Regulations}
                    order by r.change_seq desc limit {NewestPerAgency})
                order by r.change_seq desc limit 8
                """, user.Visibility, cancellationToken));
            return new Result(counts, published.Total, current.Government.NormativeDocuments, agencies, newest.ToList());
        }
    }
}
