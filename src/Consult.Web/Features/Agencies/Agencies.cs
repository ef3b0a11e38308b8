using Consult.Domain.Registry;
using Consult.Web.Infrastructure.Data;
using Consult.Web.Infrastructure.Search;
using Consult.Web.Infrastructure.Security;
using Dapper;
using MediatR;

namespace Consult.Web.Features.Agencies;

public static class Agencies
{
    public sealed record ListQuery : IRequest<IReadOnlyList<AgencySummary>>;

    public sealed record AgencySummary(AgencyRef Agency, IReadOnlyDictionary<RegulationKind, int> InForce)
    {
        public int Total => InForce.Values.Sum();
    }

    public sealed record DetailsQuery(string Code) : IRequest<AgencyDetails?>;

    public sealed record KindGroup(RegulationKind Kind, int Count, IReadOnlyList<Search.Search.Hit> Newest);

    public sealed record AgencyDetails(AgencyRef Agency, IReadOnlyList<KindGroup> Kinds);

    public sealed class Handler(Db db, RegistryFacts facts, CurrentUser user) :
        IRequestHandler<ListQuery, IReadOnlyList<AgencySummary>>,
        IRequestHandler<DetailsQuery, AgencyDetails?>
    {
        public Task<IReadOnlyList<AgencySummary>> Handle(ListQuery request, CancellationToken cancellationToken)
        {
            facts.CatchUp(db.Connection);
            var byAgency = facts.All().Where(f => f.Status == RegulationStatus.InForce && user.Sees(f.Published, f.AgencyId)).ToLookup(f => f.AgencyId);
            IReadOnlyList<AgencySummary> summaries = facts.Agencies
                .Select(a => new AgencySummary(a, byAgency[a.Id].GroupBy(f => f.Kind).ToDictionary(g => g.Key, g => g.Count())))
                .OrderByDescending(s => s.Total).ThenBy(s => s.Agency.Name)
                .ToList();
            return Task.FromResult(summaries);
        }

        public async Task<AgencyDetails?> Handle(DetailsQuery request, CancellationToken cancellationToken)
        {
            facts.CatchUp(db.Connection);
            var agency = facts.Agencies.FirstOrDefault(a => string.Equals(a.Code, request.Code, StringComparison.OrdinalIgnoreCase));
            if (agency is null)
            {
                return null;
            }
            var hits = (await db.Connection.QueryAsync<Search.Search.Hit>(
                $"""
                select {Search.Search.Hit.Columns}
                from regulation r join agency a on a.id = r.agency_id
                where r.agency_id = @Id and {Visibility.Regulations}
                order by r.kind, r.code
                """, user.Visibility.With(new { agency.Id }))).ToList();
            var groups = hits.GroupBy(h => h.KindValue)
                .Select(g => new KindGroup(g.Key, g.Count(), g.Take(10).ToList()))
                .OrderBy(g => g.Kind)
                .ToList();
            return new AgencyDetails(agency, groups);
        }
    }
}
